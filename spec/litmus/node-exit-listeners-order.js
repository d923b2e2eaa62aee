/*---
id: node-exit-listeners-order
description: "'exit' listeners run in registration order, once-listeners included, with the exit code. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1]
source: "Node docs process 'exit'"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "listener 1, code 0", "listener 2, code 0", "once listener"]
      status: completed
  deno:
    - log: ["sync end", "listener 1, code 0", "listener 2, code 0", "once listener"]
      status: completed
  bun:
    - log: ["sync end", "listener 1, code 0", "listener 2, code 0", "once listener"]
      status: completed
---*/
// 'exit' listeners run in registration order, 'once' listeners included, with the exit code.
process.on("exit", code => console.log("listener 1, code " + code));
process.on("exit", code => console.log("listener 2, code " + code));
process.once("exit", () => console.log("once listener"));
console.log("sync end");
