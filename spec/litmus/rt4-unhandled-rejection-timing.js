/*---
id: rt4-unhandled-rejection-timing
description: "RT-4, NODE-11: in Node, Deno and Bun an unhandled rejection is reported only after the nextTick and microtask queues drain, so a catch attached in a nextTick or a microtask of the same drain suppresses it, and one attached in a setTimeout comes too late (unhandledRejection, then rejectionHandled). The only difference is Deno's ES-module main draining microtasks before ticks (RT-3). Observed 10/10 on each runtime."
rules: [RT-4, NODE-11, RT-3]
source: "spec-sources NODE-11 (identical in Node/Bun/Deno), RT-4"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["sync end", "B caught in nextTick", "A caught in a microtask", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
  deno:
    - log: ["sync end", "A caught in a microtask", "B caught in nextTick", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
  bun:
    - log: ["sync end", "B caught in nextTick", "A caught in a microtask", "unhandledRejection(C)", "C caught in setTimeout", "rejectionHandled"]
      status: completed
---*/
process.on("unhandledRejection", (reason) => console.log("unhandledRejection(" + reason + ")"));
process.on("rejectionHandled", () => console.log("rejectionHandled"));
const a = Promise.reject("A");
const b = Promise.reject("B");
const c = Promise.reject("C");
process.nextTick(() => b.catch(() => console.log("B caught in nextTick")));
Promise.resolve().then(() => a.catch(() => console.log("A caught in a microtask")));
setTimeout(() => c.catch(() => console.log("C caught in setTimeout")), 10);
console.log("sync end");
