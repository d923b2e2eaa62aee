/*---
id: html-scroll-before-timeout-300
description: "Scrolls coalesce into one scroll event at the next frame (HTML-4 step 9), long before a 300 ms timer (MODEL-6). Observed 10/10 in each browser."
rules: [HTML-4, MODEL-5, MODEL-6]
source: "tools/browser/findings (resolved by MODEL-6)"
hosts: [html]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless]
dom: '<div id="tall" style="height: 5000px">tall</div>'
outcomes:
  html:
    - log: ["scroll 1 300", "timeout 1"]
      status: completed
---*/
let n = 0;
window.addEventListener("scroll", () => {
  n++;
  console.log("scroll", n, window.scrollY);
});
window.scrollTo(0, 100);
window.scrollBy(0, 50);
window.scrollTo({ top: 300 });
setTimeout(() => console.log("timeout", n), 300);
