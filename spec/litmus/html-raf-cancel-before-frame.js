/*---
id: html-raf-cancel-before-frame
description: "cancelAnimationFrame before the frame removes the callback; handles are positive and increasing"
rules: [HTML-5]
source: "spec-sources HTML-5; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["true true", "b"]
      status: completed
---*/
const a = requestAnimationFrame(() => console.log("a (cancelled)"));
const b = requestAnimationFrame(() => console.log("b"));
cancelAnimationFrame(a);
console.log(a > 0, b > a);
