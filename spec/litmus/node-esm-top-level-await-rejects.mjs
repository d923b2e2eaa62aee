/*---
id: node-esm-top-level-await-rejects
description: "A rejected top-level await rejects the module's evaluation; asyncRunEntryPointWithESMLoader catches it and calls triggerUncaughtException from inside the microtask drain, so the process dies before the queued nextTick and the timer. The node-esm host reports the rejected evaluation from the microtask drain, as the loader does. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. deno: the timer and then the nextTick run before the rejection ends the process (re-run 10/10): the deno host models the rejected evaluation as an unhandled rejection reported after the first timers phase and its tick drain (esm_evaluation_error_is_unhandled_rejection, RT-3). The model also allows 'before await, tick' (the 1 ms timer not yet due at the first timers pass, the race of node-main-timeout-vs-immediate), not observed here (40/40 timer first, re-run 10/10): the first process.nextTick call after setTimeout loads Deno's Node layer (22-64 ms measured), so the timer is always due by then; a copy that reads process.nextTick and calls setTimeout once before the program's own setTimeout printed 'before await, tick' 10/10. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed. Errors as the conformance harness observed them (process 'uncaughtExceptionMonitor' origin): Node reports a failed ES-module evaluation, and Bun a throwing main module, with origin 'unhandledRejection'."
rules: [NODE-4, NODE-11]
source: "Node internal/modules/run_main.js asyncRunEntryPointWithESMLoader"
hosts: [node-esm, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["before await"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: tla"]
  deno:
    - log: ["before await", "timeout (never)", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: tla"]
    - log: ["before await", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: tla"]
  bun:
    - log: ["before await", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: tla"]
---*/
// An ES module main whose top-level await rejects: the module's evaluation promise rejects
// and the process ends with the error; timers scheduled before never run.
setTimeout(() => console.log("timeout (never)"), 0);
process.nextTick(() => console.log("tick"));
console.log("before await");
await Promise.reject(new Error("tla"));
console.log("after await (never)");
