/*---
id: node-seed-003-kickoff-immediate
description: "Kick-off quiz with setImmediate: the promise chain drains before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-9, NODE-1]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), pop quiz: Kick-off / setImmediate"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["Kick-off", "The end!", "promise 1", "promise 2", "promise 3", "setImmediate"]
      status: completed
  deno:
    - log: ["Kick-off", "The end!", "promise 1", "promise 2", "promise 3", "setImmediate"]
      status: completed
  bun:
    - log: ["Kick-off", "The end!", "promise 1", "promise 2", "promise 3", "setImmediate"]
      status: completed
claims:
  - claim: 'always "promise 3" before "setImmediate"'
    holds: {node: true, deno: true, bun: true}
    why: "seed 003 quiz: the promise chain drains before the check phase (NODE-2, NODE-9)"
---*/
console.log("Kick-off");
setImmediate(() => console.log("setImmediate"));
Promise.resolve()
  .then(() => console.log("promise 1"))
  .then(() => console.log("promise 2"))
  .then(() => console.log("promise 3"));
console.log("The end!");
