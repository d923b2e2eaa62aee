/*---
id: node-fs-readfile-enoent-throw
description: "Throwing the ENOENT error from the callback with no 'uncaughtException' listener ends the process (code 1): the immediate and the tick the callback queued never run; 'exit' does. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. bun: Bun does not end the process at an uncaught exception: it prints the error and keeps running what is ready (nextTicks, promise jobs, the other due timers, immediates, even a 0 ms timer queued by the throwing callback), and exits with code 1 once it would have to wait (a 20 ms timer never ran; checked 5/5 with a separate program); after a throw in the main module only the ticks and promise jobs run. Here the tick, and even the immediate queued by the throwing fs callback, run before exit 1. (Modelled: uncaught_exits_when_idle, RT-1.) node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6, NODE-12]
source: "Node docs fs.readFile"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["callback ENOENT", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: ENOENT: no such file or directory, open '/nonexistent/evloop-missing.txt'"]
  bun:
    - log: ["callback ENOENT", "tick (never)", "immediate (never)", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: ENOENT: no such file or directory, open '/nonexistent/evloop-missing.txt'"]
---*/
// Throwing the ENOENT error from the callback, with no 'uncaughtException' listener, ends the
// process: the immediate and the tick the callback queued never run.
const fs = require("fs");
process.on("exit", code => console.log("exit " + code));
fs.readFile("/nonexistent/evloop-missing.txt", err => {
  console.log("callback " + err.code);
  setImmediate(() => console.log("immediate (never)"));
  process.nextTick(() => console.log("tick (never)"));
  throw err;
});
