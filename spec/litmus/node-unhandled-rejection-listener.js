/*---
id: node-unhandled-rejection-listener
description: "B caught in a nextTick and A in a microtask are not reported; C is, and the catch attached to C in a timer emits 'rejectionHandled'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 14/20, #2 6/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11 [run]: sync end > B caught in nextTick > A caught in a microtask > unhandledRejection(C) > C caught in setTimeout > rejectionHandled"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "B caught in nextTick", "A caught in a microtask", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
  deno:
    - log: ["sync end", "A caught in a microtask", "B caught in nextTick", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
    - log: ["sync end", "A caught in a microtask", "C caught in setTimeout", "B caught in nextTick"]
      status: completed
  bun:
    - log: ["sync end", "B caught in nextTick", "A caught in a microtask", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
---*/
// NODE-11 (spec-sources [run] example): B is caught in a nextTick and A in a microtask, so
// only C is reported; the catch attached to C in a timer emits 'rejectionHandled'.
process.on("unhandledRejection", (reason, promise) => console.log("unhandledRejection(" + reason.message + ")"));
process.on("rejectionHandled", promise => console.log("rejectionHandled"));
const a = Promise.reject(new Error("A"));
const b = Promise.reject(new Error("B"));
const c = Promise.reject(new Error("C"));
process.nextTick(() => b.catch(() => console.log("B caught in nextTick")));
Promise.resolve().then(() => a.catch(() => console.log("A caught in a microtask")));
setTimeout(() => c.catch(() => console.log("C caught in setTimeout")), 0);
console.log("sync end");
