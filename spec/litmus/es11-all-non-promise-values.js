/*---
id: es11-all-non-promise-values
description: "Promise.all over plain values wraps each through Promise.resolve: cb at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-11, ES-8]
source: "spec-sources ES-11"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb 3 1 two null", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.all([1, "two", null]).then(v => console.log("cb " + v.length + " " + v[0] + " " + v[1] + " " + v[2]));
