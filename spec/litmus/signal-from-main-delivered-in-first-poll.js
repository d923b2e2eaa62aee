/*---
id: signal-from-main-delivered-in-first-poll
description: "NODE-13, UV-3: a signal the main module sends itself is pending at once and is delivered in the first poll phase (signal watchers run in poll), so its listener and the tick it queues run before the check phase's immediate and long before a 100 ms timer. Observed: node v20.20.2 10/10. Bun 1.4.5 printed sync end, signal, tick after signal, immediate, timeout 100 (10/10, re-run 10/10): Bun's signal handler posts the emission to the concurrent task queue, which vm.tick() drains before autoTick runs the turn's immediates, as for completed thread-pool work (completions_before_immediates, RT-1). Deno 2.9.6 printed sync end, immediate, signal, tick after signal, timeout 100 (10/10); the model's deno profile delivers the signal in the first poll phase, so deno is not checked here (see runtimes.md, open discrepancies)."
rules: [NODE-13, UV-3, NODE-1, NODE-3, RT-1]
source: "spec NODE-13; libuv src/unix/linux.c uv__io_poll (signal watchers last)"
hosts: [node, bun]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (20 runs), deno 2.9.6 (10 runs)]
outcomes:
  node:
    - log: ["sync end", "signal", "tick after signal", "immediate", "timeout 100"]
      status: completed
  bun:
    - log: ["sync end", "signal", "tick after signal", "immediate", "timeout 100"]
      status: completed
---*/
process.on("SIGUSR2", () => {
  console.log("signal");
  process.nextTick(() => console.log("tick after signal"));
});
process.kill(process.pid, "SIGUSR2");
setImmediate(() => console.log("immediate"));
setTimeout(() => console.log("timeout 100"), 100);
console.log("sync end");
