/*---
id: es10-throw-caught-by-catch
description: "A throw inside an async function rejects its promise (no exception escapes the call): catch at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-10, ES-3]
source: "spec-sources ES-10 (throw means reject)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["body", "call returned function", "t1", "cb TypeError async throw", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  console.log("body");
  throw new TypeError("async throw");
}
const r = f();
console.log("call returned " + typeof r.then);
r.catch(e => console.log("cb " + e.name + " " + e.message));
