/*---
id: node-esm-promise-chain-vs-nexttick
description: "ES module main: the entire microtask queue (jobs queued by jobs included) runs before the first top-level nextTick; ticks queued later behave as in CommonJS. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-3]
source: "spec-sources NODE-4"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync", "p1", "p2", "p3", "tick", "tick from tick", "promise from tick"]
      status: completed
  deno:
    - log: ["sync", "p1", "p2", "p3", "tick", "tick from tick", "promise from tick"]
      status: completed
  bun:
    - log: ["sync", "tick", "tick from tick", "p1", "promise from tick", "p2", "p3"]
      status: completed
---*/
// NODE-4: in an ES module main, the entire microtask queue (including jobs queued by jobs)
// runs before the first top-level nextTick; ticks queued later behave as in CommonJS.
process.nextTick(() => {
  console.log("tick");
  Promise.resolve().then(() => console.log("promise from tick"));
  process.nextTick(() => console.log("tick from tick"));
});
Promise.resolve()
  .then(() => console.log("p1"))
  .then(() => console.log("p2"))
  .then(() => console.log("p3"));
console.log("sync");
