/*---
id: es5-thenable-sync-resolve
description: "Resolving with a thenable whose then calls resolve synchronously: then runs at t1, cb at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6]
source: "spec-sources ES-5 steps 13-15 / ES-9 tick table"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "t1", "then called", "t2", "cb v", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const thenable = {
  then(resolve) {
    console.log("then called");
    resolve("v");
  }
};
new Promise(r => r(thenable)).then(v => console.log("cb " + v));
console.log("sync end");
