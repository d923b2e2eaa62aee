/*---
id: node-nexttick-from-promise
description: "processTicksAndRejections: ticks queued by ticks run in the same tick loop; a tick queued from a promise job waits until the microtask queue is empty. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3]
source: "spec-sources NODE-3 [run]: t1 > t2 > t-from-t1 > p1 > p2 > p-from-t1 > p1.then > tick-from-p1"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["t1", "t2", "t-from-t1", "p1", "p2", "p-from-t1", "p1.then", "tick-from-p1"]
      status: completed
  deno:
    - log: ["p1", "p2", "p1.then", "t1", "t2", "tick-from-p1", "t-from-t1", "p-from-t1"]
      status: completed
  bun:
    - log: ["t1", "t2", "t-from-t1", "p1", "p2", "p-from-t1", "p1.then", "tick-from-p1"]
      status: completed
---*/
// NODE-3 (spec-sources [run] example): ticks queued by ticks run in the same tick loop;
// a tick queued from a promise job waits until the microtask queue is empty.
const p1 = Promise.resolve();
process.nextTick(() => {
  console.log("t1");
  process.nextTick(() => console.log("t-from-t1"));
  Promise.resolve().then(() => console.log("p-from-t1"));
});
process.nextTick(() => console.log("t2"));
p1.then(() => {
  console.log("p1");
  process.nextTick(() => console.log("tick-from-p1"));
}).then(() => console.log("p1.then"));
Promise.resolve().then(() => console.log("p2"));
