/*---
id: es9-await-sequence
description: "Each await of a non-promise costs one tick: three awaits land at t1, t2, t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9]
source: "spec-sources ES-9 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "a1", "t2", "a2", "t3", "a3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  await 1;
  console.log("a1");
  await 2;
  console.log("a2");
  await 3;
  console.log("a3");
}
f();
