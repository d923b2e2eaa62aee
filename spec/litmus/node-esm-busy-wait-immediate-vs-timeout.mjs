/*---
id: node-esm-busy-wait-immediate-vs-timeout
description: "ES module main with a 5 ms busy-wait: on Node 20 the immediate still comes first (evaluated from the poll phase); on Node 22, which evaluates the entry before the loop starts, the expired timeout runs at the pre-loop timer pass, as in CommonJS. The node-esm host allows both: the ES module is evaluated inside the loop or before it (NODE-4's start choice). Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 0/20, #2 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-4, NODE-10, UV-1]
source: "spec-sources NODE-4 ('setImmediate before setTimeout(0) 20/20 from an ESM main, even after a 5 ms busy-wait', Node 20)"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync end", "nextTick", "immediate", "timeout"]
      status: completed
    - log: ["sync end", "nextTick", "timeout", "immediate"]
      status: completed
  deno:
    - log: ["sync end", "timeout", "nextTick", "immediate"]
      status: completed
  bun:
    - log: ["sync end", "nextTick", "immediate", "timeout"]
      status: completed
---*/
// NODE-4: from an ES module main, even after a 5 ms busy-wait the immediate came before the
// expired timeout on Node 20 (the module is evaluated from inside the loop).
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
process.nextTick(() => console.log("nextTick"));
const start = Date.now();
while (Date.now() - start < 5) {}
console.log("sync end");
