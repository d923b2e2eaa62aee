/*---
id: bun-nexttick-in-microtask
description: "Found by `evloop fuzz --runtime bun` (seed 42; shrunk by proptest to fuzz-bun-s42-6, then minimised by hand): Bun runs a process.nextTick queued inside a promise job before the next, already queued promise job: it drains the nextTick queue after each microtask. Node (and the model's bun host) run the tick after the microtask queue drains (NODE-3). Observed 5/5 on bun 1.4.5 (also with queueMicrotask callbacks, and inside a timer callback); node v20.20.2: p1, p2, tick. Candidate: a Bun profile difference for spec/runtimes.md (RT-1)."
rules: [NODE-3]
source: "evloop fuzz (differential testing)"
hosts: [node, bun]
observed: [node v20.20.2, bun 1.4.5]
outcomes:
  node:
    - log: ["p1", "p2", "tick"]
      status: completed
  bun:
    - log: ["p1", "tick", "p2"]
      status: completed
model:
  bun:
    - log: ["p1", "p2", "tick"]
      status: completed
---*/
Promise.resolve().then(() => { console.log("p1"); process.nextTick(() => console.log("tick")); });
Promise.resolve().then(() => console.log("p2"));
