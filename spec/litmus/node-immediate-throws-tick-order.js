/*---
id: node-immediate-throws-tick-order
description: "When immediate A throws, CheckImmediate calls processImmediate again for the outstanding queue without a drain (the failed callback scope skips it, and ranAtLeastOneImmediate starts false), so B runs before the tick and the promise job A queued; they drain before C. The model re-enters processImmediate without a drain. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: after the throwing immediate A and the 'uncaughtException' listener, A's tick and promise job run before immediate B (drain_after_throwing_immediate, RT-3). bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-9, NODE-2]
source: "Node lib/internal/timers.js processImmediate; src/env.cc CheckImmediate"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A", "uncaughtException boom", "B", "tick from A", "promise from A", "C"]
      status: completed
  deno:
    - log: ["A", "uncaughtException boom", "tick from A", "promise from A", "B", "C"]
      status: completed
  bun:
    - log: ["A", "uncaughtException boom", "B", "tick from A", "promise from A", "C"]
      status: completed
---*/
// NODE-9: when an immediate throws, C++ (CheckImmediate) calls processImmediate again for the
// rest of the queue without a drain, so B runs before the tick and promise job A queued.
process.on("uncaughtException", e => console.log("uncaughtException " + e.message));
setImmediate(() => {
  console.log("A");
  process.nextTick(() => console.log("tick from A"));
  Promise.resolve().then(() => console.log("promise from A"));
  throw new Error("boom");
});
setImmediate(() => console.log("B"));
setImmediate(() => console.log("C"));
