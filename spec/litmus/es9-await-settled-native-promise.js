/*---
id: es9-await-settled-native-promise
description: "await of an already-settled native promise resumes at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9, ES-8]
source: "spec-sources ES-9 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb v", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  const v = await Promise.resolve("v");
  console.log("cb " + v);
}
f();
