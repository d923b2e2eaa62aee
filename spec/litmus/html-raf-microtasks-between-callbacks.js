/*---
id: html-raf-microtasks-between-callbacks
description: "HTML-7: each animation frame callback is called with an empty stack, so a checkpoint runs after each"
rules: [HTML-5, HTML-7, HTML-6]
source: "spec-sources HTML-5, HTML-7, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["raf1", "raf1.microtask", "raf2", "raf2.microtask"]
      status: completed
---*/
requestAnimationFrame(() => {
  console.log("raf1");
  Promise.resolve().then(() => console.log("raf1.microtask"));
});
requestAnimationFrame(() => {
  console.log("raf2");
  queueMicrotask(() => console.log("raf2.microtask"));
});
