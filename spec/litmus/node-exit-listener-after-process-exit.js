/*---
id: node-exit-listener-after-process-exit
description: "process.exit(2) emits 'exit' synchronously from JavaScript and then calls reallyExit: the promise job queued in the listener does not run. Real exit code 2; the outcome records status completed (the frontmatter has no exit code). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-12]
source: "Node docs process.exit()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["timer calls process.exit(2)", "exit 2"]
      status: completed
  deno:
    - log: ["timer calls process.exit(2)", "exit 2"]
      status: completed
  bun:
    - log: ["timer calls process.exit(2)", "exit 2"]
      status: completed
---*/
// process.exit() emits 'exit' synchronously and then ends the process: a promise job queued
// in the listener does not run (unlike the 'exit' emitted when the loop empties).
process.on("exit", code => {
  console.log("exit " + code);
  Promise.resolve().then(() => console.log("promise in exit"));
});
setTimeout(() => {
  console.log("timer calls process.exit(2)");
  process.exit(2);
}, 0);
