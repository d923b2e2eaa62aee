/*---
id: node-uncaught-exception-in-timeout
description: "A timer callback that throws with no 'uncaughtException' listener ends the process: its tick and the second timer never run. The immediate runs only if it won the main-module race (NODE-10). Observed (#n = n-th outcome below): node v20.20.2: #1 15/20, #2 5/20; node v22.23.3: #1 18/20, #2 2/20. deno 2.9.6 (the .js main runs as an ES module): #1 19/20, #2 1/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. bun: Bun does not end the process at an uncaught exception: it prints the error and keeps running what is ready (nextTicks, promise jobs, the other due timers, immediates, even a 0 ms timer queued by the throwing callback), and exits with code 1 once it would have to wait (a 20 ms timer never ran; checked 5/5 with a separate program); after a throw in the main module only the ticks and promise jobs run. The bun host models this by uncaught_exits_when_idle (RT-1): here the tick and the second timer of the same pass run, and the immediate first (immediates_first); re-run 20/20. node v24.21.0: 2 distinct outcome(s) in 10 runs (8/10; 2/10), all listed."
rules: [NODE-10, NODE-2]
source: "Node docs process 'uncaughtException'"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["immediate", "first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
    - log: ["first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
  deno:
    - log: ["immediate", "first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
    - log: ["first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
  bun:
    - log: ["immediate", "first timer", "tick (never)", "second timer (never)"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
// An exception thrown by a timer callback with no 'uncaughtException' listener ends the
// process: its tick and the later timer never run (the immediate only if it ran first).
setTimeout(() => {
  console.log("first timer");
  process.nextTick(() => console.log("tick (never)"));
  throw new Error("boom");
}, 0);
setTimeout(() => console.log("second timer (never)"), 0);
setImmediate(() => console.log("immediate"));
