/*---
id: rt3-deno-first-nexttick-after-earlier-microtasks
description: "RT-3: in a Deno ES-module main that queued no nextTick itself, the first nextTick queued by a loop callback waits for the microtasks queued before it and the jobs they queue (P1, P1b); then the tick queue drains (A, B, and A2 queued by A) before the microtasks queued after it (P2, PA), and later callbacks drain ticks first (t2: T before Q). Node and Bun drain the ticks first everywhere. Explained (RT-3, profile flag lazy_process_global): Deno loads its Node layer when the `process` global is first read, and that first read, inside the callback, runs a microtask checkpoint before it returns (deno-process-first-read-runs-microtasks); a main module that reads `process` loads it early and gives Node's order (re-checked 2026-11-22: a --preload that does not read `process` does not). Observed: node v20.20.2: 10/10; node v22.23.3: 10/10; node v24.9.0: 10/10; deno 2.9.6 (the .js main runs as an ES module): 10/10; bun 1.4.5: 10/10."
rules: [RT-3, NODE-2, NODE-3]
source: "spec-sources RT-3; observed on Deno 2.9.6"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["t1", "A", "B", "A2", "P1", "P2", "PA", "P1b", "C", "t2", "T", "Q"]
      status: completed
  deno:
    - log: ["t1", "P1", "P1b", "A", "B", "A2", "P2", "PA", "C", "t2", "T", "Q"]
      status: completed
  bun:
    - log: ["t1", "A", "B", "A2", "P1", "P2", "PA", "P1b", "C", "t2", "T", "Q"]
      status: completed
---*/
// Deno: the first nextTick ever queued, here by a timer callback, waits for the microtasks
// queued before it (P1 and the job it queues, P1b); the ticks (A, B, and A2 queued by A) then
// drain before the microtasks queued after it (P2), as Node's processTicksAndRejections does.
setTimeout(() => {
  console.log("t1");
  Promise.resolve().then(() => {
    console.log("P1");
    Promise.resolve().then(() => console.log("P1b"));
  });
  process.nextTick(() => {
    console.log("A");
    Promise.resolve().then(() => console.log("PA"));
    process.nextTick(() => console.log("A2"));
  });
  process.nextTick(() => console.log("B"));
  Promise.resolve().then(() => {
    console.log("P2");
    process.nextTick(() => console.log("C"));
  });
}, 0);
setTimeout(() => {
  console.log("t2");
  Promise.resolve().then(() => console.log("Q"));
  process.nextTick(() => console.log("T"));
}, 0);
