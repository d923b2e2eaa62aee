/*---
id: node-queuemicrotask-error-uncaught
description: "An error thrown by a queueMicrotask callback goes to 'uncaughtException'; the next microtask and the timer still run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-5]
source: "spec-sources NODE-5"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["uncaughtException: from microtask", "next microtask", "timeout"]
      status: completed
  deno:
    - log: ["uncaughtException: from microtask", "next microtask", "timeout"]
      status: completed
  bun:
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
