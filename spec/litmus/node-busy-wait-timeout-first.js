/*---
id: node-busy-wait-timeout-first
description: "After a 5 ms busy-wait in a CommonJS main the timeout is due at the pre-loop timer pass, so it runs before the immediate. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-10, UV-1]
source: "spec-sources NODE-10 [run]: nextTick > timeout > immediate"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["nextTick", "timeout", "immediate"]
      status: completed
  deno:
    - log: ["timeout", "nextTick", "immediate"]
      status: completed
  bun:
    - log: ["nextTick", "immediate", "timeout"]
      status: completed
---*/
// NODE-10: after a 5 ms busy-wait in the main module the timeout is due at the pre-loop timer
// pass, so it runs before the immediate.
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
process.nextTick(() => console.log("nextTick"));
const start = Date.now();
while (Date.now() - start < 5) {}
