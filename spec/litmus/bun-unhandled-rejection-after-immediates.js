/*---
id: bun-unhandled-rejection-after-immediates
description: "NODE-11, RT-1, RT-4: Node raises a rejection still unhandled after the first tick and microtask drain as an uncaught exception, before the check phase: 'exit' gets code 1 and nothing else runs. Bun runs the immediate and even the 20 ms timer first, calls the 'exit' listener with code 0 and still exits with status 1 (the 300 ms timer never runs); in a timed variant with timers at 5, 20, 40 ... ms it exited right after the 5 ms one, so the rejection seems to be handled at the end of the first loop turn that waited for a timer. Deno prints no 'exit' (no 'exit' event on an uncaught error) and runs the promise job first (ES-module main); 1/20 its first timers phase came after 20 ms and the 20 ms timer ran before the tick (the first-timers-pass race of node-main-timeout-vs-immediate). bun: modelled by rejections_checked_per_turn (RT-1): the rejection found after the main module ends the process at once unless immediates are pending; here the first turn (immediate, a poll that waits for the 20 ms timer, the due timer) runs first, then the process exits with status 1 and 'exit' gets 0 (re-run 10/10; without the immediate Bun dies at once, 5/5, even with 20 and 40 ms timers pending). deno: the deno host ends the process without 'exit' (no_exit_event_after_uncaught) and gives #1 (re-run 10/10, again 10/10); #2, where 20 ms passed before Deno's first timers phase (1/20: its first setTimeout and process.nextTick calls load the Node layer, 22-64 ms each measured), is time passing while the main module runs, so this file uses the loaded timing (MODEL-7), under which the deno host allows #2 too. Under it the bun host also allows the 300 ms timer in the first turn (its timers pass finding the clock past 300 ms after the poll wait), not observed (bun re-run 10/10 the first outcome). And it allows the first turn to end before the 20 ms timer, whose poll wakes at the timer's millisecond but before its exact deadline (Bun stamps timers with the exact time, sub_ms_loop_time, MODEL-7 `cut:T@N`), so the check at the end of the turn ends the process: `sync end, tick, promise, immediate, exit 0` — seen once under the conformance harness (evloop conform --runtime bun --runs 2, 2026-11-22), 0/30 in direct runs. Observed (#n = n-th outcome below): node v20.20.2: 20/20; bun 1.4.5: 20/20; deno 2.9.6 (the .js main runs as an ES module): #1 19/20, #2 1/20."
rules: [NODE-11, RT-1, RT-4]
source: "spec-sources NODE-11, RT-1 (autoTick: handleRejectedPromises after the timers), RT-4"
hosts: [node, bun, deno]
timing: loaded
observed: [node v20.20.2, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["sync end", "tick", "promise", "exit 1"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  bun:
    - log: ["sync end", "tick", "promise", "immediate", "timeout 20 ms", "exit 0"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
    - log: ["sync end", "tick", "promise", "immediate", "timeout 20 ms", "timeout 300 ms", "exit 0"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
    - log: ["sync end", "tick", "promise", "immediate", "exit 0"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  deno:
    - log: ["sync end", "promise", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
    - log: ["sync end", "promise", "timeout 20 ms", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// An unhandled rejection in the main module: Node ends the process after the first drain;
// Bun keeps going through the immediate and the first due timer.
process.on("exit", code => console.log("exit " + code));
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
setImmediate(() => console.log("immediate"));
setTimeout(() => console.log("timeout 20 ms"), 20);
setTimeout(() => console.log("timeout 300 ms"), 300);
console.log("sync end");
