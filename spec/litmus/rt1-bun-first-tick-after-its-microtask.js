/*---
id: rt1-bun-first-tick-after-its-microtask
description: "Bun runs the process's first process.nextTick, when a promise job queues it, right after that job, before the other queued promise jobs; a later nextTick waits for the whole microtask queue as in Node (NODE-3). Found by the differential fuzzer (tools/fuzz/findings). Observed 5/5 on each: node v20.20.2 and v22.23.3 'p1 p2 p3 tick tick2'; deno 2.9.6 the same; bun 1.4.5 'p1 tick p2 p3 tick2'."
rules: [RT-1, NODE-3]
source: "differential fuzzing (evloop fuzz, seed 42)"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["p1", "p2", "p3", "tick", "tick2"]
      status: completed
  deno:
    - log: ["p1", "p2", "p3", "tick", "tick2"]
      status: completed
  bun:
    - log: ["p1", "tick", "p2", "p3", "tick2"]
      status: completed
---*/
Promise.resolve().then(() => { console.log("p1"); process.nextTick(() => console.log("tick")); });
Promise.resolve().then(() => { console.log("p2"); process.nextTick(() => console.log("tick2")); });
Promise.resolve().then(() => console.log("p3"));
