/*---
id: node-unhandled-rejection-exits
description: "A rejection still unhandled after the tick and microtask queues drain is raised as an uncaught exception (default mode throw); the process ends before the timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["sync end", "tick", "promise"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11: a rejection with no handler after the tick and microtask queues drain is raised as
// an uncaught exception (default mode `throw`); the process ends before the timer runs.
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
setTimeout(() => console.log("timeout (never)"), 0);
console.log("sync end");
