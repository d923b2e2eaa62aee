/*---
id: html-ric-vs-raf
description: "An idle callback and an animation frame callback requested by the script"
rules: [HTML-13, HTML-3]
source: "spec-sources HTML-13, HTML-3; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (10 runs), firefox 153.7.0esr headless (10 runs)]
outcomes:
  html:
    # seen in: chromium 7/10, firefox 5/10
    - log: ["raf", "idle"]
      status: completed
    # seen in: chromium 3/10, firefox 5/10
    - log: ["idle", "raf"]
      status: completed
---*/
requestIdleCallback(() => console.log("idle"));
requestAnimationFrame(() => console.log("raf"));
