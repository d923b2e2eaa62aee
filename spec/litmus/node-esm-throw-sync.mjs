/*---
id: node-esm-throw-sync
description: "A synchronous throw in an ES module main rejects its evaluation; the rejection travels through a few promise jobs (the promise queued before the throw runs) and ends the process before the nextTick; 'exit' fires with code 1. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. deno: the nextTick still runs after the evaluation rejects and no 'exit' event is emitted (re-run 10/10): the deno host leaves the rejected evaluation to the rejection tracker, which reports it after the first timers phase's tick drain (esm_evaluation_error_is_unhandled_rejection), and ends the process without 'exit' (no_exit_event_after_uncaught, RT-3). bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed. Errors as the conformance harness observed them (process 'uncaughtExceptionMonitor' origin): Node reports a failed ES-module evaluation, and Bun a throwing main module, with origin 'unhandledRejection'."
rules: [NODE-4, NODE-11]
source: "Node internal/modules/run_main.js asyncRunEntryPointWithESMLoader"
hosts: [node-esm, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["before throw", "promise", "exit 1"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: boom"]
  deno:
    - log: ["before throw", "promise", "tick (never)"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: boom"]
  bun:
    - log: ["before throw", "tick (never)", "promise", "exit 1"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: boom"]
---*/
// A synchronous throw in an ES module main rejects the module's evaluation; the process
// ends: the queued nextTick never runs, but promise jobs queued before the throw do.
process.on("exit", code => console.log("exit " + code));
process.nextTick(() => console.log("tick (never)"));
Promise.resolve().then(() => console.log("promise"));
console.log("before throw");
throw new Error("boom");
