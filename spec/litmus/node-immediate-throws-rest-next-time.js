/*---
id: node-immediate-throws-rest-next-time
description: "When an immediate throws, the 'uncaughtException' listener runs and the rest of the batch (kept in outstandingQueue) still runs. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-9]
source: "spec-sources NODE-9"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A", "caught boom", "B", "C"]
      status: completed
  deno:
    - log: ["A", "caught boom", "B", "C"]
      status: completed
  bun:
    - log: ["A", "caught boom", "B", "C"]
      status: completed
---*/
// NODE-9: when an immediate throws, the uncaughtException listener runs and the remaining
// immediates of that batch still run.
process.on("uncaughtException", e => console.log("caught " + e.message));
setImmediate(() => {
  console.log("A");
  throw new Error("boom");
});
setImmediate(() => console.log("B"));
setImmediate(() => console.log("C"));
