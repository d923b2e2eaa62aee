/*---
id: node-uncaught-sync-throw
description: "A throw in the main module's synchronous code ends the process: the queued nextTick and promise job never run, but 'exit' (code 1) does. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: as an ES module the synchronous throw rejects the module evaluation (Uncaught (in promise) Error: boom): the promise job and then the nextTick still run, and no 'exit' event is emitted (re-run 10/10; modelled by esm_evaluation_error_is_unhandled_rejection and no_exit_event_after_uncaught, RT-3). bun 1.4.5: 20/20. bun: Bun does not end the process at an uncaught exception: it prints the error and keeps running what is ready (nextTicks, promise jobs, the other due timers, immediates, even a 0 ms timer queued by the throwing callback), and exits with code 1 once it would have to wait (a 20 ms timer never ran; checked 5/5 with a separate program); after a throw in the main module only the ticks and promise jobs run. Here the tick and promise queued before the throw run, then exit 1. (Modelled: uncaught_exits_when_idle, RT-1.) node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed. Errors as the conformance harness observed them (process 'uncaughtExceptionMonitor' origin): Node reports a failed ES-module evaluation, and Bun a throwing main module, with origin 'unhandledRejection'."
rules: [NODE-4]
source: "Node docs process 'exit'"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["before throw", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
  deno:
    - log: ["before throw", "promise (never)", "tick (never)"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: boom"]
  bun:
    - log: ["before throw", "tick (never)", "promise (never)", "exit 1"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: boom"]
---*/
// A throw in the main module's synchronous code ends the process: the queued nextTick and
// promise job never run, but the 'exit' listener does.
process.on("exit", code => console.log("exit " + code));
process.nextTick(() => console.log("tick (never)"));
Promise.resolve().then(() => console.log("promise (never)"));
console.log("before throw");
throw new Error("boom");
