/*---
id: signal-from-main-delivered-in-first-poll
description: "NODE-13, UV-3: a signal the main module sends itself is pending at once and is delivered in the first poll phase (signal watchers run in poll), so its listener and the tick it queues run before the check phase's immediate and long before a 100 ms timer. Observed: node v20.20.2 10/10. Bun 1.4.5 printed sync end, signal, tick after signal, immediate, timeout 100 (10/10, re-run 10/10): Bun's signal handler posts the emission to the concurrent task queue, which vm.tick() drains before autoTick runs the turn's immediates, as for completed thread-pool work (completions_before_immediates, RT-1). Deno 2.9.6 printed sync end, immediate, signal, tick after signal, timeout 100 (10/10, re-run 10/10): its process.on(signal) awaits an async op that the signal completes only in a later turn (signals_delivered_by_an_op, RT-3), which the model lets complete at any later choice point like a thread-pool request (io:N); with a chain of four immediates the signal came after the first 7/8 and after the second 1/8. The signal after the 100 ms timer was not observed; it needs the op to take 100 ms, which the model does not bound (as for UV-6 requests)."
rules: [NODE-13, UV-3, NODE-1, NODE-3, RT-1, RT-3]
source: "spec NODE-13; libuv src/unix/linux.c uv__io_poll (signal watchers last)"
hosts: [node, bun, deno]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (20 runs), deno 2.9.6 (20 runs)]
outcomes:
  node:
    - log: ["sync end", "signal", "tick after signal", "immediate", "timeout 100"]
      status: completed
  bun:
    - log: ["sync end", "signal", "tick after signal", "immediate", "timeout 100"]
      status: completed
  deno:
    - log: ["sync end", "immediate", "signal", "tick after signal", "timeout 100"]
      status: completed
    - log: ["sync end", "immediate", "timeout 100", "signal", "tick after signal"]
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
