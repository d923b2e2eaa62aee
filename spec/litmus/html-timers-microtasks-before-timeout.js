/*---
id: html-timers-microtasks-before-timeout
description: "All microtasks (including chained ones) run before a setTimeout(0) task"
rules: [HTML-2, HTML-6, HTML-9]
source: "spec-sources HTML-2 step 2.8"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync", "p1", "qm", "p2", "timeout"]
      status: completed
---*/
setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => console.log("p1")).then(() => console.log("p2"));
queueMicrotask(() => console.log("qm"));
console.log("sync");
