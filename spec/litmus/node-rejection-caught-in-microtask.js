/*---
id: node-rejection-caught-in-microtask
description: "A catch attached in a later microtask of the same drain suppresses 'unhandledRejection'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["m1", "m2 attaches catch", "caught x", "timeout"]
      status: completed
  deno:
    - log: ["m1", "m2 attaches catch", "caught x", "timeout"]
      status: completed
  bun:
    - log: ["m1", "m2 attaches catch", "caught x", "timeout"]
      status: completed
---*/
// NODE-11: a catch attached in a later microtask of the same drain also suppresses it.
const p = Promise.reject(new Error("x"));
Promise.resolve()
  .then(() => console.log("m1"))
  .then(() => {
    console.log("m2 attaches catch");
    p.catch(e => console.log("caught " + e.message));
  });
setTimeout(() => console.log("timeout"), 0);
