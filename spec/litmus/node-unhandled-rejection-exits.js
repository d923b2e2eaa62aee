/*---
id: node-unhandled-rejection-exits
description: "A rejection still unhandled after the tick and microtask queues drain is raised as an uncaught exception (default mode throw); the process ends before the timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 15/20, #2 5/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "tick", "promise"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  deno:
    - log: ["sync end", "promise", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
    - log: ["sync end", "promise", "timeout (never)", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  bun:
    - log: ["sync end", "tick", "promise"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11: a rejection with no handler after the tick and microtask queues drain is raised as
// an uncaught exception (default mode `throw`); the process ends before the timer runs.
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
setTimeout(() => console.log("timeout (never)"), 0);
console.log("sync end");
