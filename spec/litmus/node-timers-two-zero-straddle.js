/*---
id: node-timers-two-zero-straddle
description: "Two setTimeout(0) from one synchronous block can get _idleStart values either side of a millisecond boundary; then only A is due at the first pass and B runs in a later iteration, after the immediate A queued (the model's MODEL-4 millisecond boundary between the two calls). Observed (#n = n-th outcome below): node v20.20.2: #1 19/20, #2 1/20; node v22.23.3: #1 19/20, #2 1/20. deno 2.9.6 (the .js main runs as an ES module): #1 20/20, #2 0/20. The straddle outcome (MODEL-4, NODE-7) was not observed. bun 1.4.5: #1 20/20 (re-run 20/20). Bun stamps a timer with the exact time of the call, so a millisecond boundary between the two calls does not split them (ms_boundary_in_step = false, RT-1) and the bun host gives only #1. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-7, NODE-9, MODEL-4]
source: "spec-sources NODE-7 ('observed 1/10')"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A", "B", "immediate from A"]
      status: completed
    - log: ["A", "immediate from A", "B"]
      status: completed
  deno:
    - log: ["A", "B", "immediate from A"]
      status: completed
    - log: ["A", "immediate from A", "B"]
      status: completed
  bun:
    - log: ["A", "B", "immediate from A"]
      status: completed
---*/
// NODE-7: two setTimeout(0) from the same synchronous block can fall either side of a
// millisecond boundary; then the second fires in a later loop turn, after the immediate
// the first one queued.
setTimeout(() => {
  console.log("A");
  setImmediate(() => console.log("immediate from A"));
}, 0);
setTimeout(() => console.log("B"), 0);
