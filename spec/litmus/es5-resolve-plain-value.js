/*---
id: es5-resolve-plain-value
description: "Resolving with a non-object fulfils synchronously: cb at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-4, ES-3]
source: "spec-sources ES-5 step 8"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb 1", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

new Promise(r => r(1)).then(v => console.log("cb " + v));
