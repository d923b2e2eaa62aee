/*---
id: node-unhandled-rejection-listener-queues-tick
description: "processTicksAndRejections loops again after emitting 'unhandledRejection', so a tick and a promise job queued by the listener run before the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: the listener's promise job runs, then the immediate, and only then the tick the listener queued (re-run 10/10). After an ES-module main that left no nextTick queued, Deno's loop performs only a microtask checkpoint (deno_core's eventLoopTick runs the nextTick callbacks only when a tick is scheduled) and the rejection is reported by deno_core's own check, outside the Node layer's processTicksAndRejections: the listener's promise jobs run after it, its ticks after the turn's immediates (rejection_listener_outside_tick_loop, RT-3). Variants on Deno 2.9.6: with a nextTick queued by the main module, or by a promise job, or with the rejection made in a timer callback, Node's order (4-5/5 each); with no immediate the tick runs right after the promise job, before a 5 ms timer (4/4). bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11, NODE-3, RT-3]
source: "spec-sources NODE-3, NODE-11"
hosts: [node, bun, deno]
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
