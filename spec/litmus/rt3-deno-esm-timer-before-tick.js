/*---
id: rt3-deno-esm-timer-before-tick
description: "RT-3 (spec/runtimes.md row 6, profile flag esm_ticks_after_first_timers): after an ES-module main (Deno runs a `.js` main as one), the promise jobs run at once (NODE-4) but the top-level nextTick waits for the first timers phase, so a 0 ms timer that is due there runs before it: promise, queueMicrotask, timeout, nextTick, immediate. Whether the 1 ms timer is due at that first pass is the same race as Node's (NODE-10, the first-timers race of MODEL-3): when it is not, the tick drain comes first and the check phase runs before the timer. Observed: deno 2.9.6: nextTick first 10/20, timeout first 10/20 (two batches of 10: 4/6 and 6/4)."
rules: [RT-3, NODE-4, NODE-10, MODEL-3]
source: "spec-sources RT-3 (poll_event_loop_inner: timers, then module progress and a nextTick drain); measured"
hosts: [deno]
observed: [deno 2.9.6 (20 runs)]
outcomes:
  deno:
    - log: ["promise", "queueMicrotask", "nextTick", "immediate", "timeout"]
      status: completed
    - log: ["promise", "queueMicrotask", "timeout", "nextTick", "immediate"]
      status: completed
---*/
// Deno, ES-module main: an expired timer can run before the top-level nextTick.
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
queueMicrotask(() => console.log("queueMicrotask"));
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
