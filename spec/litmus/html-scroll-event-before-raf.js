/*---
id: html-scroll-event-before-raf
description: "HTML-4: a scroll of the viewport makes the document a pending scroll event target; in the next update the rendering the scroll steps (step 9) fire scroll before the animation frame callbacks (step 14)"
rules: [HTML-4, HTML-3, HTML-5, MODEL-5]
source: "spec-sources HTML-4, HTML-3, HTML-5; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script 100", "scroll 100", "raf 100"]
      status: completed
---*/
// dom: <div id="tall" style="height: 5000px">tall</div>
window.addEventListener("scroll", () => console.log("scroll", window.scrollY));
requestAnimationFrame(() => console.log("raf", window.scrollY));
window.scrollTo(0, 100);
console.log("script", window.scrollY);
