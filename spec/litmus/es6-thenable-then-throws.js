/*---
id: es6-thenable-then-throws
description: "A then method that throws rejects the promise inside the NewPromiseResolveThenableJob: catch at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-5, ES-6]
source: "spec-sources ES-6 (thrown error rejects)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "then called", "t2", "cb then failed", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const thenable = {
  then(resolve, reject) {
    console.log("then called");
    throw new Error("then failed");
  }
};
new Promise(r => r(thenable)).catch(e => console.log("cb " + e.message));
