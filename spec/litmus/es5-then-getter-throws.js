/*---
id: es5-then-getter-throws
description: "A throwing then getter rejects the promise synchronously inside resolve(): catch at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5]
source: "spec-sources ES-5 steps 9-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["getter", "sync end", "t1", "cb getter failed", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const bad = {
  get then() {
    console.log("getter");
    throw new Error("getter failed");
  }
};
new Promise(r => r(bad)).catch(e => console.log("cb " + e.message));
console.log("sync end");
