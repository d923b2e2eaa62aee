/*---
id: node-unhandled-rejection-before-immediate
description: "'unhandledRejection' is emitted from processTicksAndRejections after the tick and microtask queues drain, before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, NODE-3]
source: "spec-sources NODE-11"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "tick", "promise", "unhandledRejection: x", "immediate"]
      status: completed
  deno:
    - log: ["sync end", "promise", "tick", "unhandledRejection: x", "immediate"]
      status: completed
  bun:
    - log: ["sync end", "tick", "promise", "unhandledRejection: x", "immediate"]
      status: completed
---*/
// NODE-11: 'unhandledRejection' is emitted from processTicksAndRejections after the tick and
// microtask queues drain, before the loop moves on to the check phase.
process.on("unhandledRejection", reason => console.log("unhandledRejection: " + reason.message));
setImmediate(() => console.log("immediate"));
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync end");
