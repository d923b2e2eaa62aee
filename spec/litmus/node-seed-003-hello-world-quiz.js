/*---
id: node-seed-003-hello-world-quiz
description: "Hello-world quiz on Node: synchronous map logs before the 1 ms timeout. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1, NODE-6]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), pop quiz: hello / w o r l d / !"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["w", "o", "r", "l", "d", "!", "hello"]
      status: completed
  deno:
    - log: ["w", "o", "r", "l", "d", "!", "hello"]
      status: completed
  bun:
    - log: ["w", "o", "r", "l", "d", "!", "hello"]
      status: completed
---*/
setTimeout(() => console.log("hello"), 0);
["w", "o", "r", "l", "d"].map(str => console.log(str));
console.log("!");
