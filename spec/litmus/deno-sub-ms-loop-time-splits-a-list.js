/*---
id: deno-sub-ms-loop-time-splits-a-list
description: "Deno runs Node's timer lists against a sub-millisecond loop time (RT-3, profile flag sub_ms_loop_time), and Bun stamps each timer with the exact time of the call (RT-1, the same flag): A and B, both 1 ms timers started in the same millisecond of the model's clock, can still come due in different timers passes, with the check phase between them (#4: I1, A, I2, B). Under the loaded timing (MODEL-7) the deno host lets a timers pass stop before a timer due in the same millisecond (`cut:T@N`); Node's whole-millisecond `_idleStart` never splits A from B once both are due. Observed (#n = n-th outcome below): deno 2.9.6 (the .js main runs as an ES module), 60 runs: #1 49/60, #2 7/60, #4 4/60; #3, #5, #6 (A before I1: the first timers pass already finds A due) not observed on Deno, where they need 1 ms to pass between the start of A and the first timers pass (seen on Node 20 3/20 for this program: A, B, I1, I2 2/20, A, I1, B, I2 1/20; node 22 and 24 1/20 each; Bun 1.4.5 I1, I2, A, B 16/20 and I1, A, B, I2 4/20). Bun: the bun host's loaded set is I1, I2, A, B; I1, A, B, I2; and I1, A, I2, B, the split, not seen in these 20 runs but 26/30 when the main module busy-waits 0.5 ms (performance.now()) between the two setTimeout calls, and once in the seed-42 fuzz run without a busy-wait (fuzz-bun-s42-1: two 1 ms timers started by two promise jobs of the main module, split by the check phase). Found by `evloop fuzz` (deno and bun, seed 42)."
rules: [MODEL-7, RT-3, NODE-7, NODE-9]
source: "deno_core / Deno ext/node timers (Node's lib/internal/timers.js with a sub-millisecond now); measured"
hosts: [deno, bun]
timing: loaded
observed: [deno 2.9.6 (60 runs), node v20.20.2 (20 runs), node v22.23.3 (20 runs), node v24.9.0 (20 runs), bun 1.4.5 (20 runs)]
outcomes:
  deno:
    - log: ["I1", "I2", "A", "B"]
      status: completed
    - log: ["I1", "A", "B", "I2"]
      status: completed
    - log: ["A", "B", "I1", "I2"]
      status: completed
    - log: ["I1", "A", "I2", "B"]
      status: completed
    - log: ["A", "I1", "B", "I2"]
      status: completed
    - log: ["A", "I1", "I2", "B"]
      status: completed
  bun:
    - log: ["I1", "I2", "A", "B"]
      status: completed
    - log: ["I1", "A", "B", "I2"]
      status: completed
    - log: ["I1", "A", "I2", "B"]
      status: completed
---*/
// Deno: two 1 ms timers started in the same millisecond can be split by the check phase.
setTimeout(() => console.log("A"), 1);
setTimeout(() => console.log("B"), 1);
setImmediate(() => {
  console.log("I1");
  setImmediate(() => console.log("I2"));
});
