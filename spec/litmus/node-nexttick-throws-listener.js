/*---
id: node-nexttick-throws-listener
description: "A nextTick callback that throws goes to 'uncaughtException'; the ticks and promise jobs queued after it still run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3]
source: "spec-sources NODE-3"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "tick 1 throws", "uncaughtException boom", "tick 2", "promise", "immediate"]
      status: completed
  deno:
    - log: ["sync end", "promise", "tick 1 throws", "uncaughtException boom", "tick 2", "immediate"]
      status: completed
  bun:
    - log: ["sync end", "tick 1 throws", "uncaughtException boom", "tick 2", "promise", "immediate"]
      status: completed
---*/
// A nextTick callback that throws goes to 'uncaughtException'; the ticks and promise jobs
// queued after it still run.
process.on("uncaughtException", e => console.log("uncaughtException " + e.message));
process.nextTick(() => {
  console.log("tick 1 throws");
  throw new Error("boom");
});
process.nextTick(() => console.log("tick 2"));
Promise.resolve().then(() => console.log("promise"));
setImmediate(() => console.log("immediate"));
console.log("sync end");
