/*---
id: node-esm-unhandled-rejection
description: "An unhandled rejection in an ES module main: the promise job, then the nextTick, then processPromiseRejections ends the process before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20. bun: the immediate runs before the unhandled rejection ends the process: Bun checks for unhandled rejections once per loop turn, after the turn's immediates and due timers (RT-1 autoTick step 4); a CommonJS .js copy does the same (10/10). (Modelled: the bun host's rejection check after the main module lets the pending immediate's turn run first, rejections_checked_per_turn, RT-1.) node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-11]
source: "spec-sources NODE-4, NODE-11"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync end", "promise", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  deno:
    - log: ["sync end", "promise", "tick"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  bun:
    - log: ["sync end", "tick", "promise", "immediate (never)"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11 in an ES module main: a rejection left unhandled after the first drain ends
// the process; the promise job and the nextTick still run first.
Promise.reject(new Error("x"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
setImmediate(() => console.log("immediate (never)"));
console.log("sync end");
