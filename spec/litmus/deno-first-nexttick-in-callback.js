/*---
id: deno-first-nexttick-in-callback
description: "In Node and Bun each timer callback's nextTick runs before its promise job (NODE-2, NODE-3). Deno, running this .js main as an ES module, runs the first timer's promise job before its nextTick, and the second timer's nextTick first again: when no nextTick was queued by the main module, the first one ever queued waits for the microtask queue (the same in an immediate, node-immediates-drain-between, and in the seed's setTimeout chunking). With a top-level process.nextTick in the main module, or as a .cjs copy, Deno drains ticks first in every callback (10/10 each). More precisely the first nextTick waits for the microtasks queued before it and the jobs they queue; microtasks queued after it wait for the ticks (node-timers-drain-between-timers, where the tick is queued first; rt3-deno-first-nexttick-after-earlier-microtasks). Explained (RT-3, profile flag lazy_process_global): Deno loads its Node layer when the `process` global is first read, and that first read, inside the callback, runs a microtask checkpoint before it returns (deno-process-first-read-runs-microtasks); a main module that reads `process` loads it early and gives Node's order (re-checked 2026-11-22: a --preload that does not read `process` does not). Observed: node v20.20.2: 20/20; deno 2.9.6 (the .js main runs as an ES module): 20/20, re-run 10/10; bun 1.4.5: 20/20."
rules: [RT-3, NODE-2, NODE-3, NODE-4]
source: "spec-sources RT-3 (nextTick alignment through PRs #32466 and #34085), NODE-2"
hosts: [node, deno, bun]
observed: [node v20.20.2, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["t1", "t1.tick", "t1.promise", "t2", "t2.tick", "t2.promise"]
      status: completed
  bun:
    - log: ["t1", "t1.tick", "t1.promise", "t2", "t2.tick", "t2.promise"]
      status: completed
  deno:
    - log: ["t1", "t1.promise", "t1.tick", "t2", "t2.tick", "t2.promise"]
      status: completed
---*/
// Deno, ES-module main: the first nextTick ever queued, here from a timer callback, runs after
// the callback's promise job; later callbacks drain their ticks first, as Node does.
setTimeout(() => {
  console.log("t1");
  Promise.resolve().then(() => console.log("t1.promise"));
  process.nextTick(() => console.log("t1.tick"));
}, 0);
setTimeout(() => {
  console.log("t2");
  Promise.resolve().then(() => console.log("t2.promise"));
  process.nextTick(() => console.log("t2.tick"));
}, 0);
