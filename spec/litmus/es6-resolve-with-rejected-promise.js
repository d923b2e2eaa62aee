/*---
id: es6-resolve-with-rejected-promise
description: "Resolving with an already-rejected native promise rejects the outer promise two ticks later: catch at t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6, ES-3]
source: "spec-sources ES-6 (rejected variant)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "t3", "cb boom", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const inner = Promise.reject(new Error("boom"));
new Promise(r => r(inner)).catch(e => console.log("cb " + e.message));
