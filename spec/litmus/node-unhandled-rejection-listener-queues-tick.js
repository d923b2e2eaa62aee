/*---
id: node-unhandled-rejection-listener-queues-tick
description: "processTicksAndRejections loops again after emitting 'unhandledRejection', so a tick and a promise job queued by the listener run before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: FINDING: the listener's promise job runs, then the immediate, and only then the tick the listener queued; the model runs tick, promise, immediate (Node's processTicksAndRejections loop). In Deno the 'unhandledRejection' listener is not called from inside the tick drain, so a tick it queues waits (it is also the program's first nextTick, compare node-immediates-drain-between). bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, NODE-3]
source: "spec-sources NODE-3, NODE-11"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["unhandledRejection x", "tick from listener", "promise from listener", "immediate"]
      status: completed
  deno:
    - log: ["unhandledRejection x", "promise from listener", "immediate", "tick from listener"]
      status: completed
  bun:
    - log: ["unhandledRejection x", "tick from listener", "promise from listener", "immediate"]
      status: completed
---*/
// NODE-3, NODE-11: the processTicksAndRejections loop runs again after 'unhandledRejection'
// is emitted, so a tick and a promise job queued by the listener run before the immediate.
process.on("unhandledRejection", r => {
  console.log("unhandledRejection " + r.message);
  process.nextTick(() => console.log("tick from listener"));
  Promise.resolve().then(() => console.log("promise from listener"));
});
setImmediate(() => console.log("immediate"));
Promise.reject(new Error("x"));
