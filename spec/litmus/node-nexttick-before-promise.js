/*---
id: node-nexttick-before-promise
description: "In a CommonJS main the whole nextTick queue runs before any promise job, whatever order they were queued in. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-4]
source: "spec-sources NODE-3"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync", "t1", "t2", "p1", "p2"]
      status: completed
  deno:
    - log: ["sync", "p1", "p2", "t1", "t2"]
      status: completed
  bun:
    - log: ["sync", "t1", "t2", "p1", "p2"]
      status: completed
---*/
// NODE-3: in a CommonJS main the whole nextTick queue runs before any promise job,
// whatever the order in which they were queued.
Promise.resolve().then(() => console.log("p1"));
process.nextTick(() => console.log("t1"));
Promise.resolve().then(() => console.log("p2"));
process.nextTick(() => console.log("t2"));
console.log("sync");
