/*---
id: deno-globalthis-process-first-read
description: "`globalThis.process` is the `process` global on Node, Deno and Bun, and on Deno reading it first, in a timer callback, runs the microtask checkpoint of the lazy Node layer (RT-3, lazy_process_global; as deno-process-first-read-runs-microtasks with a bare `process`): A and the job it queues (A2) run before `after touch`. Node and Bun: the callback runs to its end, then the tick, then the jobs in FIFO order. Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6 (the .js main runs as an ES module), bun 1.4.5: 5/5 each."
rules: [RT-3, NODE-2, NODE-3]
source: "measured (2026-11-22)"
hosts: [node, deno, bun]
observed: [node v20.20.2 (5 runs), node v22.23.3 (5 runs), node v24.9.0 (5 runs), deno 2.9.6 (5 runs), bun 1.4.5 (5 runs)]
outcomes:
  node:
    - log: ["t1", "after touch", "tick", "A", "B", "A2"]
      status: completed
  deno:
    - log: ["t1", "A", "A2", "after touch", "tick", "B"]
      status: completed
  bun:
    - log: ["t1", "after touch", "tick", "A", "B", "A2"]
      status: completed
---*/
// `globalThis.process` on a Node host is `process`; on Deno its first read loads the Node layer.
setTimeout(() => {
  console.log("t1");
  Promise.resolve().then(() => { console.log("A"); Promise.resolve().then(() => console.log("A2")); });
  const p = globalThis.process;
  console.log("after touch");
  p.nextTick(() => console.log("tick"));
  Promise.resolve().then(() => console.log("B"));
}, 0);
