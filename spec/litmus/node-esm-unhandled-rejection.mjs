/*---
id: node-esm-unhandled-rejection
description: "An unhandled rejection in an ES module main: the promise job, then the nextTick, then processPromiseRejections ends the process before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-4, NODE-11]
source: "spec-sources NODE-4, NODE-11"
hosts: [node-esm]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node-esm:
    - log: ["sync end", "promise", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11 in an ES module main: a rejection left unhandled after the first drain ends
// the process; the promise job and the nextTick still run first.
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
setImmediate(() => console.log("immediate (never)"));
console.log("sync end");
