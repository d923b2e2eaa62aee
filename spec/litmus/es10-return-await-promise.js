/*---
id: es10-return-await-promise
description: "return await p (p settled): f().then(cb) runs cb at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-10, ES-9]
source: "spec-sources ES-10 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb v", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const p = Promise.resolve("v");
async function f() {
  return await p;
}
f().then(v => console.log("cb " + v));
