/*---
id: es8-promise-resolve-ticks
description: "Promise.resolve(p).then(cb) is t1 for a native promise; Promise.resolve(thenable) is t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-8, ES-5, ES-6]
source: "spec-sources ES-8 [run: handlers at t1]"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb native", "t2", "cb thenable", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.resolve(Promise.resolve("native")).then(v => console.log("cb " + v));
Promise.resolve({ then(r) { r("thenable"); } }).then(v => console.log("cb " + v));
