/*---
id: node-beforeexit-promise-only
description: "A tick and a promise job queued in 'beforeExit' run (the emit is a callback followed by the drain) but do not keep the loop alive: 'exit' follows, with no second 'beforeExit'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1, UV-7, NODE-3]
source: "spec-sources NODE-1 (SpinEventLoop)"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "beforeExit", "tick from beforeExit", "promise from beforeExit", "exit"]
      status: completed
  deno:
    - log: ["sync end", "beforeExit", "tick from beforeExit", "promise from beforeExit", "exit"]
      status: completed
  bun:
    - log: ["sync end", "beforeExit", "tick from beforeExit", "promise from beforeExit", "exit"]
      status: completed
---*/
// NODE-1: a promise job queued in 'beforeExit' runs (the emit is a callback, followed by the
// drain) but does not keep the loop alive, so 'exit' follows without a second 'beforeExit'.
process.on("beforeExit", () => {
  console.log("beforeExit");
  Promise.resolve().then(() => console.log("promise from beforeExit"));
  process.nextTick(() => console.log("tick from beforeExit"));
});
process.on("exit", () => console.log("exit"));
console.log("sync end");
