/*---
id: es7-handler-returns-thenable
description: "A handler returning a thenable whose then resolves synchronously adds one tick: cb at t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-7, ES-5, ES-6]
source: "spec-sources ES-7 / ES-6 (thenable)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "then called", "t3", "cb th", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.resolve().then(() => ({ then(r) { console.log("then called"); r("th"); } })).then(v => console.log("cb " + v));
