/*---
id: es9-await-changed-constructor
description: "await of a native promise whose constructor property was changed is wrapped: resumes at t3 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9, ES-8, ES-6]
source: "spec-sources ES-9 tick table"
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
p.constructor = function () {};
async function f() {
  const v = await p;
  console.log("cb " + v);
}
f();
