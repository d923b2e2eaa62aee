/*---
id: html-raf-same-timestamp
description: "HTML-5: every callback of one frame receives the same timestamp"
rules: [HTML-5, HTML-4]
source: "spec-sources HTML-5, HTML-4; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["same timestamp: true number"]
      status: completed
---*/
let first;
requestAnimationFrame((t) => { first = t; });
requestAnimationFrame((t) => console.log("same timestamp:", t === first, typeof t));
