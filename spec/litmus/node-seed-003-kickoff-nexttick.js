/*---
id: node-seed-003-kickoff-nexttick
description: "Kick-off quiz with process.nextTick: in a CommonJS main the nextTick queue drains before the first promise job. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-4]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), pop quiz: Kick-off / process.nextTick"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["Kick-off", "The end!", "nextTick", "promise 1", "promise 2", "promise 3"]
      status: completed
  deno:
    - log: ["Kick-off", "The end!", "promise 1", "promise 2", "promise 3", "nextTick"]
      status: completed
  bun:
    - log: ["Kick-off", "The end!", "nextTick", "promise 1", "promise 2", "promise 3"]
      status: completed
claims:
  - claim: 'always "nextTick" before "promise 1"'
    holds: {node: true, deno: false, bun: true}
    why: "seed 003 quiz: the nextTick queue drains before promise jobs (NODE-3)"
---*/
console.log("Kick-off");
process.nextTick(() => console.log("nextTick"));
Promise.resolve()
  .then(() => console.log("promise 1"))
  .then(() => console.log("promise 2"))
  .then(() => console.log("promise 3"));
console.log("The end!");
