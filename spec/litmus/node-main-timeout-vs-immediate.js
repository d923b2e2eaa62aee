/*---
id: node-main-timeout-vs-immediate
description: "From the CommonJS main module setTimeout(0) vs setImmediate is not determined: the timeout runs first only if 1 ms has passed by the pre-loop timer pass. Observed (#n = n-th outcome below): node v20.20.2: #1 16/20, #2 4/20; node v22.23.3: #1 16/20, #2 4/20. deno 2.9.6 (the .js main runs as an ES module): #1 18/20, #2 2/20. deno: Deno makes the 0 ms (1 ms) timer due at the first timers phase only sometimes: whether the timer is already due when the loop first runs timers is a race, as in Node's CommonJS main (NODE-10), which the deno host models by its clock choice at that pass. A two-line setTimeout(0)/setImmediate .js printed immediate first 20/20 (its .cjs copy: timeout first 20/20); the order of the first timers phase before the top-level nextTick drain (esm_ticks_after_first_timers) is confirmed whenever the timer is due: RT-3's own program (setTimeout(0), setImmediate, then nextTick, promise, queueMicrotask) printed promise, queueMicrotask, timeout, nextTick, immediate 20/20 as RT-3 says; the work done after setTimeout decides the race. bun 1.4.5: 20/20. node v24.21.0: 2 distinct outcome(s) in 10 runs (8/10; 2/10), all listed."
rules: [NODE-10, UV-1, MODEL-3]
source: "spec-sources NODE-10 (Node 20: timeout first 13/20, Node 22: 3/20)"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
  deno:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
  bun:
    - log: ["immediate", "timeout"]
      status: completed
---*/
// NODE-10: from the CommonJS main module the order of setTimeout(0) and setImmediate is not
// determined: the timeout runs first only if 1 ms has passed by the pre-loop timer pass.
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
