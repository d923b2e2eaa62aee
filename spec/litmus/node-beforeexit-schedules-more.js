/*---
id: node-beforeexit-schedules-more
description: "'beforeExit' fires when the loop empties; a timer scheduled in it keeps the process alive and 'beforeExit' fires again afterwards; 'exit' last. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1, UV-7]
source: "spec-sources NODE-1 (SpinEventLoop)"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "beforeExit 0", "timeout from beforeExit 1", "beforeExit 0", "timeout from beforeExit 2", "beforeExit 0", "exit 0"]
      status: completed
  deno:
    - log: ["sync end", "beforeExit 0", "timeout from beforeExit 1", "beforeExit 0", "timeout from beforeExit 2", "beforeExit 0", "exit 0"]
      status: completed
  bun:
    - log: ["sync end", "beforeExit 0", "timeout from beforeExit 1", "beforeExit 0", "timeout from beforeExit 2", "beforeExit 0", "exit 0"]
      status: completed
---*/
// NODE-1: 'beforeExit' fires when the loop empties; scheduling work in it keeps the process
// alive, and it fires again when that work is done. 'exit' comes last.
let rounds = 0;
process.on("beforeExit", code => {
  console.log("beforeExit " + code);
  if (rounds < 2) {
    rounds = rounds + 1;
    setTimeout(() => console.log("timeout from beforeExit " + rounds), 0);
  }
});
process.on("exit", code => console.log("exit " + code));
console.log("sync end");
