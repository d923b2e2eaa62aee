/*---
id: node-process-exit-in-tick
description: "process.exit(0) in a nextTick callback: the next tick and the promise job never run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-12]
source: "Node docs process.exit()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "tick", "exit 0"]
      status: completed
  deno:
    - log: ["sync end", "promise (never)", "tick", "exit 0"]
      status: completed
  bun:
    - log: ["sync end", "tick", "exit 0"]
      status: completed
---*/
// process.exit(0) in a nextTick callback: the promise job queued before it never runs.
process.on("exit", code => console.log("exit " + code));
Promise.resolve().then(() => console.log("promise (never)"));
process.nextTick(() => {
  console.log("tick");
  process.exit(0);
});
process.nextTick(() => console.log("second tick (never)"));
console.log("sync end");
