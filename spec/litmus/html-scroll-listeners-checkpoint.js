/*---
id: html-scroll-listeners-checkpoint
description: "The scroll event bubbles from the document to the window; the listeners are called with an empty stack, so microtasks run between them (HTML-7)"
rules: [HTML-4, HTML-7, MODEL-5]
source: "spec-sources HTML-4, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["document scroll", "document.microtask", "window scroll"]
      status: completed
---*/
// dom: <div id="tall" style="height: 5000px">tall</div>
document.addEventListener("scroll", () => {
  console.log("document scroll");
  Promise.resolve().then(() => console.log("document.microtask"));
});
window.addEventListener("scroll", () => console.log("window scroll"));
window.scrollTo(0, 10);
