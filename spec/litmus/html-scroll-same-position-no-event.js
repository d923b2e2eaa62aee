/*---
id: html-scroll-same-position-no-event
description: "scrollTo the current position does not scroll: no scroll event"
rules: [HTML-4, MODEL-5]
source: "spec-sources HTML-4; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["two frames later"]
      status: completed
---*/
// dom: <div id="tall" style="height: 5000px">tall</div>
window.addEventListener("scroll", () => console.log("scroll"));
window.scrollTo(0, 0);
requestAnimationFrame(() => requestAnimationFrame(() => console.log("two frames later")));
