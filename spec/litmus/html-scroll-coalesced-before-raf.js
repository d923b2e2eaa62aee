/*---
id: html-scroll-coalesced-before-raf
description: "HTML-4 step 9: several scrolls before a frame give one scroll event, fired before the frame's animation frame callbacks"
rules: [HTML-4, HTML-3, HTML-5, MODEL-5]
source: "spec-sources HTML-4, HTML-3, HTML-5; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["scroll 1 300", "raf 1"]
      status: completed
---*/
// dom: <div id="tall" style="height: 5000px">tall</div>
let n = 0;
window.addEventListener("scroll", () => {
  n++;
  console.log("scroll", n, window.scrollY);
});
window.scrollTo(0, 100);
window.scrollBy(0, 50);
window.scrollTo({ top: 300 });
requestAnimationFrame(() => console.log("raf", n));
