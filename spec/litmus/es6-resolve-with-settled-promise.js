/*---
id: es6-resolve-with-settled-promise
description: "new Promise(r => r(Promise.resolve(1))) costs two extra ticks: cb at t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6]
source: "spec-sources ES-6 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "t3", "cb 1", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

new Promise(r => r(Promise.resolve(1))).then(v => console.log("cb " + v));
