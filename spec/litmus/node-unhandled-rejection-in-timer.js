/*---
id: node-unhandled-rejection-in-timer
description: "A rejection created in a timer callback is reported after that callback's drain, before the next timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. bun: the rejection created in timer 1 is reported after timer 2, i.e. after the whole timer batch (Bun's handleRejectedPromises runs once per loop turn, RT-1 autoTick step 4), not between the timers: the bun host checks rejections at the end of the turn (rejections_checked_per_turn). A millisecond boundary between the two setTimeout calls (MODEL-4) does not split them on Bun: Bun stamps a timer with the exact time of the call, not a whole-millisecond loop time, so two timers started microseconds apart come due in the same turn (ms_boundary_in_step = false, RT-1; setTimeout(A, 2); setTimeout(B, 1) printed B first 40/40 on Bun, A first 5/20 on Node 20; only real time splits them: a 5 ms busy-wait between the calls gave the rejection between the timers 8/10). bun re-run after the flag: 20/20 (earlier 30/30). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, NODE-2]
source: "spec-sources NODE-11, NODE-2"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["timer 1", "promise from timer 1", "unhandledRejection r1", "timer 2"]
      status: completed
  deno:
    - log: ["timer 1", "promise from timer 1", "unhandledRejection r1", "timer 2"]
      status: completed
  bun:
    - log: ["timer 1", "promise from timer 1", "timer 2", "unhandledRejection r1"]
      status: completed
---*/
// NODE-11: a rejection created in a timer callback is reported after that callback's tick
// and microtask drain, before the next timer of the same pass.
process.on("unhandledRejection", r => console.log("unhandledRejection " + r.message));
setTimeout(() => {
  console.log("timer 1");
  Promise.reject(new Error("r1"));
  Promise.resolve().then(() => console.log("promise from timer 1"));
}, 0);
setTimeout(() => console.log("timer 2"), 0);
