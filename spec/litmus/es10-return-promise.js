/*---
id: es10-return-promise
description: "return p (a settled native promise, no await) resolves the result with a thenable: cb at t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-10, ES-5, ES-6]
source: "spec-sources ES-10 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "t3", "cb v", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const p = Promise.resolve("v");
async function f() {
  return p;
}
f().then(v => console.log("cb " + v));
