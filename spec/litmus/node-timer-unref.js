/*---
id: node-timer-unref
description: "An unref'd timer does not keep the loop alive: the process exits once the immediate has run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. bun: the unref'd 500 ms timer does not keep the process alive (as in Node): after Bun's immediates-first step the loop checks liveness (UV-7). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-7, NODE-12]
source: "Node docs timeout.unref()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["immediate", "exit"]
      status: completed
  deno:
    - log: ["immediate", "exit"]
      status: completed
  bun:
    - log: ["immediate", "exit"]
      status: completed
---*/
// NODE-12, UV-7: an unref'd timer does not keep the loop alive: the process exits once the
// immediate has run, and the 500 ms timer never fires.
const t = setTimeout(() => console.log("unref'd timer (never)"), 500);
t.unref();
setImmediate(() => console.log("immediate"));
process.on("exit", () => console.log("exit"));
