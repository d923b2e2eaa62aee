/*---
id: html-ric-microtasks-between-callbacks
description: "HTML-13: each idle task runs one callback, then a checkpoint; a callback requested in an idle period waits for the next"
rules: [HTML-13, HTML-6]
source: "spec-sources HTML-13, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["idle1", "idle1.micro", "idle2", "idle-nested"]
      status: completed
---*/
requestIdleCallback(() => {
  console.log("idle1");
  Promise.resolve().then(() => console.log("idle1.micro"));
  requestIdleCallback(() => console.log("idle-nested"));
});
requestIdleCallback(() => console.log("idle2"));
