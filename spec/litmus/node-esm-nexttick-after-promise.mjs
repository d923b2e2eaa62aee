/*---
id: node-esm-nexttick-after-promise
description: "An ES module main is evaluated inside a promise job, so its promise jobs and queueMicrotask callbacks run before its nextTick callbacks. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-5]
source: "spec-sources NODE-4; Node docs process.md 'When to use queueMicrotask() vs. process.nextTick()'"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync", "promise", "queueMicrotask", "nextTick"]
      status: completed
  deno:
    - log: ["sync", "promise", "queueMicrotask", "nextTick"]
      status: completed
  bun:
    - log: ["sync", "nextTick", "promise", "queueMicrotask"]
      status: completed
---*/
// NODE-4: an ES module is evaluated inside a promise job, so its top-level promise jobs
// and queueMicrotask callbacks run before its top-level nextTick callbacks.
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
queueMicrotask(() => console.log("queueMicrotask"));
console.log("sync");
