/*---
id: node-timer-unref-other-keeps-alive
description: "An unref'd timer still fires while a ref'd timer keeps the loop alive. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-7, NODE-7]
source: "Node docs timeout.unref()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["unref'd 5 ms", "ref'd 30 ms"]
      status: completed
  deno:
    - log: ["unref'd 5 ms", "ref'd 30 ms"]
      status: completed
  bun:
    - log: ["unref'd 5 ms", "ref'd 30 ms"]
      status: completed
---*/
// An unref'd timer still fires while another ref'd timer keeps the loop alive.
const t = setTimeout(() => console.log("unref'd 5 ms"), 5);
t.unref();
setTimeout(() => console.log("ref'd 30 ms"), 30);
