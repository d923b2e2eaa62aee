/*---
id: signal-from-main-delivered-in-first-poll
description: "NODE-13, UV-3: a signal the main module sends itself is pending at once and is delivered in the first poll phase (signal watchers run in poll), so its listener and the tick it queues run before the check phase's immediate and long before a 100 ms timer. Observed: node v20.20.2 10/10. Deno 2.9.6 printed sync end, immediate, signal, tick after signal, timeout 100 (10/10) and Bun 1.4.5 sync end, signal, tick after signal, immediate, timeout 100 (10/10); the model's deno and bun profiles give the other order each, so only node is checked here (a finding for the runtime profiles)."
rules: [NODE-13, UV-3, NODE-1, NODE-3]
source: "spec NODE-13; libuv src/unix/linux.c uv__io_poll (signal watchers last)"
hosts: [node]
observed: [node v20.20.2 (10 runs)]
outcomes:
  node:
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
