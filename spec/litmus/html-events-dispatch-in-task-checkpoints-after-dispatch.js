/*---
id: html-events-dispatch-in-task-checkpoints-after-dispatch
description: "dispatchEvent from a timer callback: listeners run synchronously, the microtasks after the callback returns"
rules: [HTML-7, HTML-6]
source: "spec-sources HTML-7, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["L1", "L2", "after dispatch", "m1", "m2"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("ping", () => { console.log("L1"); queueMicrotask(() => console.log("m1")); });
el.addEventListener("ping", () => { console.log("L2"); queueMicrotask(() => console.log("m2")); });
setTimeout(() => {
  el.dispatchEvent(new Event("ping"));
  console.log("after dispatch");
}, 0);
