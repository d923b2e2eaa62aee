/*---
id: node-uncaught-exception-exit-code
description: "A throw in a timer with no listener ends the process with code 1; the 'exit' listener runs, the tick the timer queued does not. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: no 'exit' event on an uncaught exception: the process ends with code 1 and the listener never prints (re-run 10/10; modelled by no_exit_event_after_uncaught, RT-3). bun 1.4.5: 20/20. bun: Bun does not end the process at an uncaught exception: it prints the error and keeps running what is ready (nextTicks, promise jobs, the other due timers, immediates, even a 0 ms timer queued by the throwing callback), and exits with code 1 once it would have to wait (a 20 ms timer never ran; checked 5/5 with a separate program); after a throw in the main module only the ticks and promise jobs run. Here the tick queued by the throwing timer runs. (Modelled: uncaught_exits_when_idle, RT-1.) node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-12]
source: "Node docs process 'exit'"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["timer", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
  deno:
    - log: ["timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
  bun:
    - log: ["timer", "tick (never)", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
// With no 'uncaughtException' listener, a throw in a timer ends the process with code 1;
// the 'exit' listener still runs, the tick queued by the timer does not.
process.on("exit", code => console.log("exit " + code));
setTimeout(() => {
  console.log("timer");
  process.nextTick(() => console.log("tick (never)"));
  throw new Error("boom");
}, 0);
