/*---
id: node-interval-unref
description: "An interval that unrefs itself stops keeping the loop alive: the process exits ('exit') without another run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-8, UV-7, NODE-12]
source: "Node docs timeout.unref()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["interval 1", "interval 2", "exit"]
      status: completed
  deno:
    - log: ["interval 1", "interval 2", "exit"]
      status: completed
  bun:
    - log: ["interval 1", "interval 2", "exit"]
      status: completed
---*/
// UV-7: an interval that unrefs itself no longer keeps the loop alive: the process exits
// ('exit' fires) without another run.
let n = 0;
const iv = setInterval(() => {
  n = n + 1;
  console.log("interval " + n);
  if (n === 2) iv.unref();
}, 5);
process.on("exit", () => console.log("exit"));
