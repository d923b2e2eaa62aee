/*---
id: node-interval-throws-keeps-running
description: "An interval whose callback throws is re-armed in listOnTimeout's finally block, so with an 'uncaughtException' listener it keeps running until cleared. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-8]
source: "Node lib/internal/timers.js listOnTimeout"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["interval 1", "caught fail 1", "interval 2", "caught fail 2", "interval 3", "caught fail 3"]
      status: completed
  deno:
    - log: ["interval 1", "caught fail 1", "interval 2", "caught fail 2", "interval 3", "caught fail 3"]
      status: completed
  bun:
    - log: ["interval 1", "caught fail 1", "interval 2", "caught fail 2", "interval 3", "caught fail 3"]
      status: completed
---*/
// NODE-8: an interval whose callback throws is re-armed in listOnTimeout's finally block,
// so with an 'uncaughtException' listener it keeps running until cleared.
process.on("uncaughtException", e => console.log("caught " + e.message));
let n = 0;
const id = setInterval(() => {
  n = n + 1;
  console.log("interval " + n);
  if (n === 3) clearInterval(id);
  throw new Error("fail " + n);
}, 1);
