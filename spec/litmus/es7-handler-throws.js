/*---
id: es7-handler-throws
description: "A throwing handler rejects the derived promise; the catch runs one tick later (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-7]
source: "spec-sources ES-7 steps 1.h-1.i"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb oops", "t3", "after catch undefined", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.resolve().then(() => { throw new Error("oops"); }).catch(e => console.log("cb " + e.message)).then(v => console.log("after catch " + v));
