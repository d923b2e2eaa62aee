/*---
id: node-timers-clear-in-same-pass
description: "Timers of one duration share a list and run in one pass; clearTimeout from an earlier timer of the list cancels a later one that is already due. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-7]
source: "spec-sources NODE-7"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A clears B", "C"]
      status: completed
  deno:
    - log: ["A clears B", "C"]
      status: completed
  bun:
    - log: ["A clears B", "C"]
      status: completed
---*/
// NODE-7: timers of one duration share a list and run in one pass; clearTimeout from an
// earlier timer of the list cancels a later one that is already due.
setTimeout(() => {
  console.log("A clears B");
  clearTimeout(b);
}, 1);
const b = setTimeout(() => console.log("B (never)"), 1);
setTimeout(() => console.log("C"), 1);
