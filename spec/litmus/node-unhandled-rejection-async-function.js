/*---
id: node-unhandled-rejection-async-function
description: "An async function that throws after an await rejects its promise; unhandled, it ends the process before the timer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 16/20, #2 4/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, ES-10]
source: "spec-sources NODE-11"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["work start", "sync end", "work throws"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: async failure"]
  deno:
    - log: ["work start", "sync end", "work throws"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: async failure"]
    - log: ["work start", "sync end", "work throws", "timeout (never)"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: async failure"]
  bun:
    - log: ["work start", "sync end", "work throws"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: async failure"]
---*/
// NODE-11: an async function that throws after an await rejects its promise; nobody handles
// it, so the process ends with the rejection (the later timer never runs).
async function work() {
  console.log("work start");
  await null;
  console.log("work throws");
  throw new Error("async failure");
}
work();
setTimeout(() => console.log("timeout (never)"), 0);
console.log("sync end");
