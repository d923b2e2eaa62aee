/*---
id: rt3-deno-main-is-an-es-module
description: "RT-3: Deno runs a .js main as an ES module, so its promise jobs and queueMicrotask callbacks run before its nextTicks (NODE-4); Node (CommonJS main) and Bun drain the nextTick queue first (NODE-3). Observed 10/10 on each runtime."
rules: [RT-3, RT-1, NODE-4, NODE-3, NODE-5]
source: "spec-sources NODE-4, RT-3; re-run for spec/runtimes.md"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["sync end", "nextTick", "promise", "queueMicrotask"]
      status: completed
  deno:
    - log: ["sync end", "promise", "queueMicrotask", "nextTick"]
      status: completed
  bun:
    - log: ["sync end", "nextTick", "promise", "queueMicrotask"]
      status: completed
---*/
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
queueMicrotask(() => console.log("queueMicrotask"));
console.log("sync end");
