/*---
id: deno-process-first-read-runs-microtasks
description: "Deno loads its Node layer lazily: the `process` global is a getter, and the first read of it, inside a timer callback here, performs a microtask checkpoint before it returns. The promise job queued before the read (job 1) and the job it queues (job 1.1) run before `after first read` is logged; job 2, queued after the read, waits for the nextTick as in Node. The second read (in the immediate) does nothing more: Node's order. Node and Bun define `process` eagerly: the timer callback runs to its end, then the tick, then the jobs in FIFO order (NODE-2, NODE-3). The read does not run the checkpoint while the main module is evaluated or inside a promise job (measured with variants, 1 run each, 2026-11-22), and `Buffer` behaves the same way (not in the supported subset). This is why Deno's first nextTick in a callback seemed to wait for the microtasks queued before it (deno-first-nexttick-in-callback). Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6 (the .js main runs as an ES module), bun 1.4.5: 10/10 each."
rules: [RT-3, NODE-2, NODE-3]
source: "spec-sources RT-3 (Deno's Node compatibility layer, ext/node polyfills); measured"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["main", "timeout", "after first read", "tick", "job 1", "job 2", "job 1.1", "immediate", "immediate tick", "immediate job"]
      status: completed
  deno:
    - log: ["main", "timeout", "job 1", "job 1.1", "after first read", "tick", "job 2", "immediate", "immediate tick", "immediate job"]
      status: completed
  bun:
    - log: ["main", "timeout", "after first read", "tick", "job 1", "job 2", "job 1.1", "immediate", "immediate tick", "immediate job"]
      status: completed
---*/
// Deno: the first read of the `process` global, in a callback, runs the microtasks queued
// before it.
setTimeout(() => {
  console.log("timeout");
  Promise.resolve().then(() => {
    console.log("job 1");
    Promise.resolve().then(() => console.log("job 1.1"));
  });
  const p = process;
  console.log("after first read");
  Promise.resolve().then(() => console.log("job 2"));
  p.nextTick(() => console.log("tick"));
  setImmediate(() => {
    console.log("immediate");
    Promise.resolve().then(() => console.log("immediate job"));
    process.nextTick(() => console.log("immediate tick"));
  });
}, 0);
console.log("main");
