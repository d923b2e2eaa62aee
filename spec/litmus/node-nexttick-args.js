/*---
id: node-nexttick-args
description: "process.nextTick(cb, ...args), setImmediate(cb, ...args) and setTimeout(cb, ms, ...args) pass the extra arguments. The timeout/immediate order is the main-module race of NODE-10; immediate-first was not observed (the first console.log takes over 1 ms) but needs only a faster start. Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 20/20, #2 0/20. #2 not observed (see above why they are listed). deno 2.9.6 (the .js main runs as an ES module): #1 12/20, #2 8/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-9, NODE-10]
source: "Node docs process.nextTick(callback[, ...args])"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync", "tick x 1", "timeout z", "immediate y 2"]
      status: completed
    - log: ["sync", "tick x 1", "immediate y 2", "timeout z"]
      status: completed
  deno:
    - log: ["sync", "tick x 1", "immediate y 2", "timeout z"]
      status: completed
    - log: ["sync", "timeout z", "tick x 1", "immediate y 2"]
      status: completed
  bun:
    - log: ["sync", "tick x 1", "immediate y 2", "timeout z"]
      status: completed
---*/
// process.nextTick(cb, ...args) passes the extra arguments; setImmediate likewise.
process.nextTick((a, b) => console.log("tick " + a + " " + b), "x", 1);
setImmediate((a, b) => console.log("immediate " + a + " " + b), "y", 2);
setTimeout((a) => console.log("timeout " + a), 0, "z");
console.log("sync");
