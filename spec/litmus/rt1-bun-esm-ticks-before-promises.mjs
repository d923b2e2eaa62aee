/*---
id: rt1-bun-esm-ticks-before-promises
description: "RT-1, NODE-4: in an ES-module main, Node runs the module's promise jobs and queueMicrotask callbacks before its nextTicks (the module is evaluated inside a promise job); Bun runs the nextTicks first even for ESM. Observed 10/10 on each runtime."
rules: [RT-1, NODE-4, NODE-5]
source: "spec-sources NODE-4, RT-1; re-run for spec/runtimes.md"
hosts: [node-esm, bun]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
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
