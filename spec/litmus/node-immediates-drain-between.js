/*---
id: node-immediates-drain-between
description: "Ticks and microtasks drain between individual immediates (runNextTicks in processImmediate). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: the first immediate's promise job runs before its nextTick (i1.promise, i1.tick), the second immediate's tick before its promise job: the first nextTick queued by a loop callback waits for the microtasks queued before it (with a top-level nextTick first, or as .cjs, every callback drains ticks first, checked 10/10 each); re-run 10/10. Explained (RT-3, profile flag lazy_process_global): Deno loads its Node layer when the `process` global is first read, and that first read, inside the callback, runs a microtask checkpoint before it returns (deno-process-first-read-runs-microtasks); a main module that reads `process` loads it early and gives Node's order (re-checked 2026-11-22: a --preload that does not read `process` does not). See deno-first-nexttick-in-callback. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-2, NODE-9]
source: "spec-sources NODE-2, NODE-9"
hosts: [node, deno, bun]
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
