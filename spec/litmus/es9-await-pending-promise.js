/*---
id: es9-await-pending-promise
description: "await of a pending promise: resolving it inside the t2 clock job queues the continuation ahead of t3, so it prints right after t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9, ES-4]
source: "spec-sources ES-9"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb late", "t3", "t4", "t5", "t6"]
      status: completed
---*/
let resolveP;
const p = new Promise(r => { resolveP = r; });
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => { console.log("t2"); resolveP("late"); }).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  const v = await p;
  console.log("cb " + v);
}
f();
