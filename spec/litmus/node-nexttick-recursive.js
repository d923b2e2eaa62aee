/*---
id: node-nexttick-recursive
description: "A recursive nextTick chain runs to its end before promise jobs, timers and immediates. The timeout/immediate order is the main-module race of NODE-10; immediate-first was not observed because the ticks' first console.log (stdout set-up) takes over 1 ms, but it needs only a faster start. Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 20/20, #2 0/20. #2 not observed (see above why they are listed). deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-12, NODE-10]
source: "spec-sources NODE-3, NODE-12"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "promise", "timeout", "immediate"]
      status: completed
    - log: ["tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "promise", "immediate", "timeout"]
      status: completed
  deno:
    - log: ["promise", "timeout", "tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "immediate"]
      status: completed
  bun:
    - log: ["tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "promise", "immediate", "timeout"]
      status: completed
---*/
// NODE-3, NODE-12: a recursive nextTick chain runs to the end before promise jobs,
// immediates and timers.
let n = 0;
function again() {
  n = n + 1;
  console.log("tick " + n);
  if (n < 5) process.nextTick(again);
}
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
Promise.resolve().then(() => console.log("promise"));
process.nextTick(again);
