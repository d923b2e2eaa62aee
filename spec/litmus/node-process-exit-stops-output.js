/*---
id: node-process-exit-stops-output
description: "process.exit() in a timer: the 'exit' listener runs, then nothing else (not the rest of the callback, its tick or promise job, the second timer). The immediate runs only if it won the main-module race (NODE-10). Observed (#n = n-th outcome below): node v20.20.2: #1 17/20, #2 3/20; node v22.23.3: #1 18/20, #2 2/20. deno 2.9.6 (the .js main runs as an ES module): #1 12/20, #2 8/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 2 distinct outcome(s) in 10 runs (9/10; 1/10), all listed."
rules: [NODE-10, NODE-12]
source: "Node docs process.exit()"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["immediate", "timer", "exit 0"]
      status: completed
    - log: ["timer", "exit 0"]
      status: completed
  deno:
    - log: ["immediate", "timer", "exit 0"]
      status: completed
    - log: ["timer", "exit 0"]
      status: completed
  bun:
    - log: ["immediate", "timer", "exit 0"]
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
