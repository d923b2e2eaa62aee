/*---
id: node-unhandled-rejection-async-function
description: "An async function that throws after an await rejects its promise; unhandled, it ends the process before the timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11, ES-10]
source: "spec-sources NODE-11"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["work start", "sync end", "work throws"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: async failure"]
---*/
// NODE-11: an async function that throws after an await rejects its promise; nobody handles
// it, so the process ends with the rejection (the later timer never runs).
async function work() {
  console.log("work start");
  await null;
  console.log("work throws");
  throw new Error("async failure");
}
work();
setTimeout(() => console.log("timeout (never)"), 0);
console.log("sync end");
