/*---
id: node-uncaught-exception-listener
description: "When a timer callback throws, RunTimers (src/env.cc) calls processTimers again with the same now, and listOnTimeout's ranAtLeastOneTimer starts false, so the next due timer runs before the tick the throwing callback queued (the drain comes after the pass). The tick comes first only when the second timer is not due at that pass (the two setTimeout calls straddled a millisecond, NODE-7). The model re-enters processTimers without a drain. Observed (#n = n-th outcome below): node v20.20.2: #1 16/20, #2 4/20; node v22.23.3: #1 18/20, #2 2/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: only the tick-first outcome (20/20): ticks and microtasks drain after a throwing timer (drain_after_throwing_timer, RT-3). bun 1.4.5: 20/20. bun: only the tick-first outcome (20/20): drain_after_throwing_timer (RT-1). node v24.21.0: 2 distinct outcome(s) in 10 runs (9/10; 1/10), all listed."
rules: [NODE-2, NODE-7]
source: "Node lib/internal/timers.js processTimers/listOnTimeout; src/env.cc RunTimers"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["first timer", "handled boom (uncaughtException)", "second timer", "tick from first timer"]
      status: completed
    - log: ["first timer", "handled boom (uncaughtException)", "tick from first timer", "second timer"]
      status: completed
  deno:
    - log: ["first timer", "handled boom (uncaughtException)", "tick from first timer", "second timer"]
      status: completed
  bun:
    - log: ["first timer", "handled boom (uncaughtException)", "tick from first timer", "second timer"]
      status: completed
---*/
// process.on('uncaughtException'): the listener receives the error and the loop goes on;
// the tick queued before the throw and the next timer still run.
process.on("uncaughtException", (err, origin) => console.log("handled " + err.message + " (" + origin + ")"));
setTimeout(() => {
  console.log("first timer");
  process.nextTick(() => console.log("tick from first timer"));
  throw new Error("boom");
}, 0);
setTimeout(() => console.log("second timer"), 0);
