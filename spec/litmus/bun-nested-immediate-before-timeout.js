/*---
id: bun-nested-immediate-before-timeout
description: "RT-1, MODEL-3: an immediate queues an immediate and a setTimeout(0) (1 ms). In Node the timer's start is the whole-millisecond cached loop time, so a millisecond boundary may already separate it from the same turn's timers phase: either order (MODEL-3's 1 ms clock step). Bun starts a timer at the exact time of the call, so it is not due in the turn that set it: the next turn starts with immediate 2 (immediates_first) before its timers (ms_boundary_in_step off: no 1 ms step for a timer started since the last loop clock read). Observed: node v20.20.2: immediate 2 first 5/10, timeout first 5/10; bun 1.4.5: immediate 2 first 10/10, re-run 10/10 (and 10/10 in the runtimes.md re-run); deno 2.9.6 (the .js main runs as an ES module): immediate 2 first 10/10."
rules: [RT-1, MODEL-3, NODE-9, NODE-7]
source: "spec-sources RT-1; measured"
hosts: [node, bun]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (20 runs), deno 2.9.6 (10 runs)]
outcomes:
  node:
    - log: ["immediate 1", "immediate 2", "timeout"]
      status: completed
    - log: ["immediate 1", "timeout", "immediate 2"]
      status: completed
  bun:
    - log: ["immediate 1", "immediate 2", "timeout"]
      status: completed
---*/
// RT-1: a 1 ms timer set in an immediate is not due in the same turn on Bun: the nested
// immediate runs first.
setImmediate(() => {
  console.log("immediate 1");
  setImmediate(() => console.log("immediate 2"));
  setTimeout(() => console.log("timeout"), 0);
});
