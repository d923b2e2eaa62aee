/*---
id: node-esm-top-level-await
description: "Top-level await in an ES module main: the rest of the module resumes in a promise job; ticks queued before an await run once the microtask queue is empty. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-3, ES-9]
source: "spec-sources NODE-4"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["before await", "after await null", "tick 1", "tick 2", "after timeout", "promise 3", "tick 3"]
      status: completed
  deno:
    - log: ["before await", "after await null", "tick 1", "tick 2", "after timeout", "promise 3", "tick 3"]
      status: completed
  bun:
    - log: ["before await", "tick 1", "after await null", "tick 2", "after timeout", "promise 3", "tick 3"]
      status: completed
---*/
// NODE-4: top-level await in an ES module main; the module's remaining code runs in a
// promise job after the awaited promise settles.
process.nextTick(() => console.log("tick 1"));
console.log("before await");
await null;
console.log("after await null");
process.nextTick(() => console.log("tick 2"));
await new Promise(resolve => setTimeout(resolve, 0));
console.log("after timeout");
process.nextTick(() => console.log("tick 3"));
Promise.resolve().then(() => console.log("promise 3"));
