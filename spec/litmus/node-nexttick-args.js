/*---
id: node-nexttick-args
description: "process.nextTick(cb, ...args), setImmediate(cb, ...args) and setTimeout(cb, ms, ...args) pass the extra arguments. The timeout/immediate order is the main-module race of NODE-10; immediate-first was not observed (the first console.log takes over 1 ms) but needs only a faster start. Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 20/20, #2 0/20. #2 not observed (see above why they are listed)."
rules: [NODE-3, NODE-9, NODE-10]
source: "Node docs process.nextTick(callback[, ...args])"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["sync", "tick x 1", "timeout z", "immediate y 2"]
      status: completed
    - log: ["sync", "tick x 1", "immediate y 2", "timeout z"]
      status: completed
---*/
// process.nextTick(cb, ...args) passes the extra arguments; setImmediate likewise.
process.nextTick((a, b) => console.log("tick " + a + " " + b), "x", 1);
setImmediate((a, b) => console.log("immediate " + a + " " + b), "y", 2);
setTimeout((a) => console.log("timeout " + a), 0, "z");
console.log("sync");
