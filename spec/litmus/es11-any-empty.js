/*---
id: es11-any-empty
description: "Promise.any([]) rejects synchronously with an AggregateError (empty errors): catch at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-11]
source: "spec-sources ES-11 (PerformPromiseAny step 4.b.ii)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb AggregateError", "errors 0", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.any([]).catch(e => {
  console.log("cb " + e.name);
  console.log("errors " + e.errors.length);
});
