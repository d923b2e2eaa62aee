/*---
id: node-queuemicrotask-error-uncaught
description: "An error thrown by a queueMicrotask callback goes to 'uncaughtException'; the next microtask and the timer still run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-5]
source: "spec-sources NODE-5"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["uncaughtException: from microtask", "next microtask", "timeout"]
      status: completed
---*/
// NODE-5: an error thrown in a queueMicrotask callback becomes an uncaughtException.
process.on("uncaughtException", e => console.log("uncaughtException: " + e.message));
queueMicrotask(() => {
  throw new Error("from microtask");
});
queueMicrotask(() => console.log("next microtask"));
setTimeout(() => console.log("timeout"), 0);
