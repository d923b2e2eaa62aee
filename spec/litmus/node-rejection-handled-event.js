/*---
id: node-rejection-handled-event
description: "A catch attached after 'unhandledRejection' was emitted: 'rejectionHandled' is emitted by processPromiseRejections at the end of the drain that follows the attaching callback. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["unhandledRejection late", "immediate attaches catch", "tick after attach", "caught late", "rejectionHandled"]
      status: completed
  deno:
    - log: ["unhandledRejection late", "immediate attaches catch", "tick after attach", "caught late", "rejectionHandled"]
      status: completed
  bun:
    - log: ["unhandledRejection late", "immediate attaches catch", "tick after attach", "caught late", "rejectionHandled"]
      status: completed
---*/
// NODE-11: a handler attached after 'unhandledRejection' was emitted emits
// 'rejectionHandled' (from the drain after the callback that attached it).
process.on("unhandledRejection", r => console.log("unhandledRejection " + r.message));
process.on("rejectionHandled", p => console.log("rejectionHandled"));
const p = Promise.reject(new Error("late"));
setImmediate(() => {
  console.log("immediate attaches catch");
  p.catch(e => console.log("caught " + e.message));
  process.nextTick(() => console.log("tick after attach"));
});
