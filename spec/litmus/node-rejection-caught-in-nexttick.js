/*---
id: node-rejection-caught-in-nexttick
description: "A catch attached in a nextTick callback of the same drain suppresses 'unhandledRejection'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 11/20, #2 9/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "caught x", "timeout"]
      status: completed
  deno:
    - log: ["sync end", "timeout", "caught x"]
      status: completed
    - log: ["sync end", "caught x", "timeout"]
      status: completed
  bun:
    - log: ["sync end", "caught x", "timeout"]
      status: completed
---*/
// NODE-11: a catch attached in a nextTick callback of the same drain suppresses the
// unhandled-rejection event.
const p = Promise.reject(new Error("x"));
process.nextTick(() => {
  p.catch(e => console.log("caught " + e.message));
});
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
