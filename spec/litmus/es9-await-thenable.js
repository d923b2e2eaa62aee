/*---
id: es9-await-thenable
description: "await of a thenable whose then calls resolve synchronously resumes at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9, ES-5, ES-6]
source: "spec-sources ES-9 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "then called", "t2", "cb th", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  const v = await { then(r) { console.log("then called"); r("th"); } };
  console.log("cb " + v);
}
f();
