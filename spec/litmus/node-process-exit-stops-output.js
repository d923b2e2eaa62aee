/*---
id: node-process-exit-stops-output
description: "process.exit() in a timer: the 'exit' listener runs, then nothing else (not the rest of the callback, its tick or promise job, the second timer). The immediate runs only if it won the main-module race (NODE-10). Observed (#n = n-th outcome below): node v20.20.2: #1 17/20, #2 3/20; node v22.23.3: #1 18/20, #2 2/20."
rules: [NODE-10, NODE-12]
source: "Node docs process.exit()"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["immediate", "timer", "exit 0"]
      status: completed
    - log: ["timer", "exit 0"]
      status: completed
---*/
// process.exit() in a timer: the 'exit' listener runs, then nothing else (not the rest of
// the callback, queued ticks, promise jobs, immediates or other timers).
process.on("exit", code => console.log("exit " + code));
setTimeout(() => {
  console.log("timer");
  process.nextTick(() => console.log("tick (never)"));
  Promise.resolve().then(() => console.log("promise (never)"));
  process.exit();
  console.log("after exit (never)");
}, 0);
setTimeout(() => console.log("second timer (never)"), 0);
setImmediate(() => console.log("immediate"));
