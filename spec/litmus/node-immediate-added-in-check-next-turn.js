/*---
id: node-immediate-added-in-check-next-turn
description: "processImmediate detaches the queue first, so an immediate added during the check phase runs in the next turn, after those already queued; ticks drain between immediates. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-9, NODE-2]
source: "spec-sources NODE-9; Node docs timers.md setImmediate"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A", "tick from A", "B", "C (added in A)"]
      status: completed
  deno:
    - log: ["A", "tick from A", "B", "C (added in A)"]
      status: completed
  bun:
    - log: ["A", "tick from A", "B", "C (added in A)"]
      status: completed
---*/
// NODE-9: processImmediate detaches the queue first, so an immediate added during the check
// phase runs in the next turn, after the immediates already queued.
setImmediate(() => {
  console.log("A");
  setImmediate(() => console.log("C (added in A)"));
  process.nextTick(() => console.log("tick from A"));
});
setImmediate(() => console.log("B"));
