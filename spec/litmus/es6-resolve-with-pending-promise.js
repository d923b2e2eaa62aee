/*---
id: es6-resolve-with-pending-promise
description: "Resolving with a pending promise: the outer promise subscribes to it at t1; inner is resolved inside the t2 clock job, which queues the relay job ahead of t3, so cb runs right after t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6, ES-4]
source: "spec-sources ES-6 (pending inner promise)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "t3", "cb x", "t4", "t5", "t6"]
      status: completed
---*/
let resolveInner;
const inner = new Promise(r => { resolveInner = r; });
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => { console.log("t2"); resolveInner("x"); }).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

new Promise(r => r(inner)).then(v => console.log("cb " + v));
