/*---
id: node-interval-clear-from-timeout
description: "An interval cleared with clearTimeout from a 0 ms timer queued by its second run: that timer expires about 99 ms before the interval's next run, so there is no third run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-8, NODE-7]
source: "spec-sources NODE-8"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["interval 1", "interval 2", "clear"]
      status: completed
  deno:
    - log: ["interval 1", "interval 2", "clear"]
      status: completed
  bun:
    - log: ["interval 1", "interval 2", "clear"]
      status: completed
---*/
// NODE-8: an interval cleared with clearTimeout from a 0 ms timer queued by its second run:
// that timer expires long before the interval's next run, so there is no third run.
let n = 0;
const id = setInterval(() => {
  n = n + 1;
  console.log("interval " + n);
  if (n === 2) {
    setTimeout(() => {
      console.log("clear");
      clearTimeout(id);
    }, 0);
  }
}, 100);
