/*---
id: node-seed-003-chunking-settimeout
description: "The seed's longProcess with setTimeout(iterator, 0) on Node: each chunk's nextTick and promise job run right after it (NODE-2), and the next chunk's timer is added during the pass so it waits for a later one. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: the first timer's promise job runs before its nextTick (render a, micro a, tick a); later timers drain ticks first: the first nextTick queued by a loop callback waits for the microtasks queued before it (as in node-immediates-drain-between); re-run 10/10. Explained (RT-3, profile flag lazy_process_global): Deno loads its Node layer when the `process` global is first read, and that first read, inside the callback, runs a microtask checkpoint before it returns (deno-process-first-read-runs-microtasks); a main module that reads `process` loads it early and gives Node's order (re-checked 2026-11-22: a --preload that does not read `process` does not). See deno-first-nexttick-in-callback. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-2, NODE-7, NODE-3]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), longProcess with setTimeout"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["started", "render a", "tick a", "micro a", "render b", "tick b", "micro b", "render c", "tick c", "micro c"]
      status: completed
  deno:
    - log: ["started", "render a", "micro a", "tick a", "render b", "tick b", "micro b", "render c", "tick c", "micro c"]
      status: completed
  bun:
    - log: ["started", "render a", "tick a", "micro a", "render b", "tick b", "micro b", "render c", "tick c", "micro c"]
      status: completed
---*/
// The seed's longProcess with setTimeout(iterator, 0), on Node: ticks and promise jobs
// queued by a chunk run before the next chunk.
function longProcess(array, render) {
  const items = array.map(x => x); //clone the array
  const iterator = () => {
    const item = items.shift();
    render(item);
    if (items.length > 0) setTimeout(iterator, 0);
  };
  setTimeout(iterator, 0);
}
longProcess(["a", "b", "c"], item => {
  console.log("render " + item);
  Promise.resolve().then(() => console.log("micro " + item));
  process.nextTick(() => console.log("tick " + item));
});
console.log("started");
