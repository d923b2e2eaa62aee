/*---
id: node-queuemicrotask-shares-promise-queue
description: "queueMicrotask posts to V8's microtask queue, one FIFO with promise jobs. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-5, NODE-3]
source: "spec-sources NODE-5"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["p1", "qm1", "p2", "qm2", "qm from p1", "p1.then", "p from qm1"]
      status: completed
  deno:
    - log: ["p1", "qm1", "p2", "qm2", "qm from p1", "p1.then", "p from qm1"]
      status: completed
  bun:
    - log: ["p1", "qm1", "p2", "qm2", "qm from p1", "p1.then", "p from qm1"]
      status: completed
---*/
// NODE-5: queueMicrotask posts to V8's microtask queue, the same FIFO as promise jobs.
Promise.resolve().then(() => {
  console.log("p1");
  queueMicrotask(() => console.log("qm from p1"));
}).then(() => console.log("p1.then"));
queueMicrotask(() => {
  console.log("qm1");
  Promise.resolve().then(() => console.log("p from qm1"));
});
Promise.resolve().then(() => console.log("p2"));
queueMicrotask(() => console.log("qm2"));
