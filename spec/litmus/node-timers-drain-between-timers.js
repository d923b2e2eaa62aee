/*---
id: node-timers-drain-between-timers
description: "Since Node 11 the nextTick and microtask queues drain between individual timer callbacks, not once per timers phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-2]
source: "spec-sources NODE-2 [run]: t1, t1.tick, t1.promise, t2"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["t1", "t1.tick", "t1.promise", "t2", "t2.tick", "t2.promise"]
      status: completed
  deno:
    - log: ["t1", "t1.tick", "t1.promise", "t2", "t2.tick", "t2.promise"]
      status: completed
  bun:
    - log: ["t1", "t1.tick", "t1.promise", "t2", "t2.tick", "t2.promise"]
      status: completed
---*/
// NODE-2: since Node 11 the nextTick queue and the microtask queue drain between
// individual timer callbacks, not once per timers phase.
setTimeout(() => {
  console.log("t1");
  process.nextTick(() => console.log("t1.tick"));
  Promise.resolve().then(() => console.log("t1.promise"));
}, 0);
setTimeout(() => {
  console.log("t2");
  process.nextTick(() => console.log("t2.tick"));
  Promise.resolve().then(() => console.log("t2.promise"));
}, 0);
