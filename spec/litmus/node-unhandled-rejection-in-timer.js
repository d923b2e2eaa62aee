/*---
id: node-unhandled-rejection-in-timer
description: "A rejection created in a timer callback is reported after that callback's drain, before the next timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. bun: FINDING: the rejection created in timer 1 is reported after timer 2, i.e. after the whole timer batch (Bun's handleRejectedPromises runs once per loop turn, RT-1 autoTick step 4), not between the timers; the bun host now checks rejections at the end of the turn (rejections_checked_per_turn) and gives this order; FINDING: it also allows the rejection between the timers when a millisecond boundary passes between the two setTimeout calls (MODEL-4, timer 2 then falls in the next turn), never observed on Bun (30/30: re-run 10/10), so bun stays out of hosts. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, NODE-2]
source: "spec-sources NODE-11, NODE-2"
hosts: [node, deno]
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
