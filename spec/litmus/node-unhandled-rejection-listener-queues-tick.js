/*---
id: node-unhandled-rejection-listener-queues-tick
description: "processTicksAndRejections loops again after emitting 'unhandledRejection', so a tick and a promise job queued by the listener run before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11, NODE-3]
source: "spec-sources NODE-3, NODE-11"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
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
