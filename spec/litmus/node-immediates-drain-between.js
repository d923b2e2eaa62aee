/*---
id: node-immediates-drain-between
description: "Ticks and microtasks drain between individual immediates (runNextTicks in processImmediate). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: the first immediate's promise job runs before its nextTick (i1.promise, i1.tick), the second immediate's tick before its promise job: the first nextTick queued by a loop callback waits for the microtasks queued before it (with a top-level nextTick first, or as .cjs, every callback drains ticks first, checked 10/10 each); re-run 10/10. FINDING: the trigger is Deno's lazy start of its Node layer: the order appears only when the `process` global is first touched inside the callback; a main module that touches `process` (even `const p = globalThis.process`), or any --preload (even `globalThis.x = 1`, as the conformance harness does), gives Node's order (checked 1 run each, 2026-11-22). The model cannot see either, so deno stays out of hosts. See deno-first-nexttick-in-callback. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-2, NODE-9]
source: "spec-sources NODE-2, NODE-9"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["i1", "i1.tick", "i1.promise", "i2", "i2.tick", "i2.promise"]
      status: completed
  deno:
    - log: ["i1", "i1.promise", "i1.tick", "i2", "i2.tick", "i2.promise"]
      status: completed
  bun:
    - log: ["i1", "i1.tick", "i1.promise", "i2", "i2.tick", "i2.promise"]
      status: completed
---*/
// NODE-2, NODE-9: ticks and microtasks drain between individual immediates.
setImmediate(() => {
  console.log("i1");
  Promise.resolve().then(() => console.log("i1.promise"));
  process.nextTick(() => console.log("i1.tick"));
});
setImmediate(() => {
  console.log("i2");
  Promise.resolve().then(() => console.log("i2.promise"));
  process.nextTick(() => console.log("i2.tick"));
});
