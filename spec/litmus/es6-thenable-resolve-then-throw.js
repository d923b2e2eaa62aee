/*---
id: es6-thenable-resolve-then-throw
description: "A then method that resolves and then throws: the throw is ignored (already resolved), cb at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6]
source: "spec-sources ES-5 steps 5-6 / ES-6"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb fulfilled first", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const thenable = {
  then(resolve) {
    resolve("first");
    throw new Error("ignored");
  }
};
new Promise(r => r(thenable)).then(
  v => console.log("cb fulfilled " + v),
  e => console.log("cb rejected " + e.message)
);
