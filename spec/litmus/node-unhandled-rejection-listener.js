/*---
id: node-unhandled-rejection-listener
description: "B caught in a nextTick and A in a microtask are not reported; C is, and the catch attached to C in a timer emits 'rejectionHandled'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11]
source: "spec-sources NODE-11 [run]: sync end > B caught in nextTick > A caught in a microtask > unhandledRejection(C) > C caught in setTimeout > rejectionHandled"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
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
