/*---
id: node-interval-clear
description: "setInterval re-arms after each callback unless the callback cleared it; the tick queued by each run drains right after it. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-8, NODE-2]
source: "spec-sources NODE-8"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["interval 1", "tick 1", "interval 2", "tick 2", "interval 3", "tick 3"]
      status: completed
  deno:
    - log: ["interval 1", "tick 1", "interval 2", "tick 2", "interval 3", "tick 3"]
      status: completed
  bun:
    - log: ["interval 1", "tick 1", "interval 2", "tick 2", "interval 3", "tick 3"]
      status: completed
---*/
// NODE-8: setInterval re-arms after each callback unless the callback cleared it;
// ticks and promise jobs drain after each run.
let n = 0;
const id = setInterval(() => {
  n = n + 1;
  console.log("interval " + n);
  process.nextTick(() => console.log("tick " + n));
  if (n === 3) clearInterval(id);
}, 1);
