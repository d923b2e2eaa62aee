/*---
id: deno-interval-rearmed-from-pass-start
description: "NODE-8: Node re-inserts an interval with `start = getLibuvNow()` taken when it fires (the real time: GetLibuvNow updates the loop time), so after A's 30 ms busy-wait the interval, in the same pass, is re-armed from ~40 ms and its second run (~50 ms) comes after B, which A set at ~40 ms for 1 ms. Deno's port re-arms it from the pass's `now` (10 ms; profile flag interval_rearm_from_pass_now, RT-3): the second run is due at 20 ms, before B. Found by `evloop fuzz` (deno, seed 42): an interval's second run before a 1 ms timer set by a slow callback earlier in the same pass. The deno host's second outcome (A, I:1, B, I:2) needs a millisecond boundary between the main module's two setTimeout calls (MODEL-4: the interval is then due at 11 ms, in a later pass than A, and re-armed from that pass's now, after the busy-wait); not observed. Observed: node v20.20.2 8/8, v22.23.3 10/10, v24.9.0 10/10: A, I:1, B, I:2; deno 2.9.6: A, I:1, I:2, B 8/8 (and 8/8 with a performance.now() busy-wait); bun 1.4.5: A, I:1, B, I:2 8/8."
rules: [RT-3, NODE-8, NODE-7, MODEL-1]
source: "Node lib/internal/timers.js listOnTimeout (start = getLibuvNow() before the callback); measured (Deno 2.9.6)"
hosts: [node, deno, bun]
observed: [node v20.20.2 (8 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (8 runs), bun 1.4.5 (8 runs)]
outcomes:
  node:
    - log: ["A", "I:1", "B", "I:2"]
      status: completed
  deno:
    - log: ["A", "I:1", "I:2", "B"]
      status: completed
    - log: ["A", "I:1", "B", "I:2"]
      status: completed
  bun:
    - log: ["A", "I:1", "B", "I:2"]
      status: completed
---*/
// Deno re-arms an interval from the timers pass's start time, not from when it fires.
setTimeout(() => {
  console.log("A");
  const t = Date.now();
  while (Date.now() - t < 30);
  setTimeout(() => console.log("B"), 1);
}, 10);
let n = 0;
const h = setInterval(() => { n++; console.log("I:" + n); if (n === 2) clearInterval(h); }, 10);
