/*---
id: es10-await-async-function-result
description: "await f() where f returns a plain value: the awaited promise is already fulfilled, so the caller resumes at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-10, ES-9, ES-8]
source: "spec-sources ES-9 / ES-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb x", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function inner() {
  return "x";
}
async function outer() {
  const v = await inner();
  console.log("cb " + v);
}
outer();
