/*---
id: node-clear-immediate
description: "clearImmediate cancels a queued immediate, including one in the batch the check phase is running. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-9]
source: "spec-sources NODE-9"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A clears C", "D"]
      status: completed
  deno:
    - log: ["A clears C", "D"]
      status: completed
  bun:
    - log: ["A clears C", "D"]
      status: completed
---*/
// NODE-9: clearImmediate cancels a queued immediate: B before the loop starts, and C from
// inside A, although C is already in the batch the check phase is running.
const b = setImmediate(() => console.log("B (never)"));
setImmediate(() => {
  console.log("A clears C");
  clearImmediate(c);
});
const c = setImmediate(() => console.log("C (never)"));
clearImmediate(b);
setImmediate(() => console.log("D"));
