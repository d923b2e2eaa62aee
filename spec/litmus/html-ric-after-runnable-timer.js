/*---
id: html-ric-after-runnable-timer
description: "An idle period starts only when no task is runnable: a due zero timeout runs first"
rules: [HTML-13, HTML-2]
source: "spec-sources HTML-13, HTML-2; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "timeout", "idle"]
      status: completed
---*/
requestIdleCallback(() => console.log("idle"));
setTimeout(() => console.log("timeout"), 0);
console.log("script");
