/*---
id: node-cjs-nexttick-promise-queuemicrotask
description: "CommonJS main: nextTick first, then promise jobs and queueMicrotask callbacks in the order queued (they share V8's queue). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-5, NODE-3]
source: "spec-sources NODE-4"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync", "nextTick", "queueMicrotask", "promise"]
      status: completed
  deno:
    - log: ["sync", "queueMicrotask", "promise", "nextTick"]
      status: completed
  bun:
    - log: ["sync", "nextTick", "queueMicrotask", "promise"]
      status: completed
---*/
// NODE-4: a CommonJS main runs inside a callback scope: nextTick > promise > queueMicrotask
// (the last two in queue order).
queueMicrotask(() => console.log("queueMicrotask"));
Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => console.log("nextTick"));
console.log("sync");
