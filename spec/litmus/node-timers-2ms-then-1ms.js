/*---
id: node-timers-2ms-then-1ms
description: "setTimeout(A, 2); setTimeout(B, 1): B's list usually expires first, but when the two calls straddle a millisecond boundary the expiries tie and A's older list wins (the model's MODEL-4 millisecond boundary between the two calls). Observed (#n = n-th outcome below): node v20.20.2: #1 18/20, #2 2/20; node v22.23.3: #1 20/20, #2 0/20. deno 2.9.6 (the .js main runs as an ES module): #1 20/20, #2 0/20. The A-first outcome (the two calls straddle a millisecond, MODEL-4, NODE-7) was not observed. bun 1.4.5: #1 20/20, #2 0/20. Bun stamps a timer with the exact time of the call, not a whole-millisecond loop time, so the two calls never tie (ms_boundary_in_step = false, RT-1): B first 40/40 in a separate batch, re-run 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-7, MODEL-4]
source: "spec-sources NODE-7 ('A first when the calls straddle a millisecond boundary: observed 1-2/10')"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["B (1 ms)", "A (2 ms)"]
      status: completed
    - log: ["A (2 ms)", "B (1 ms)"]
      status: completed
  deno:
    - log: ["B (1 ms)", "A (2 ms)"]
      status: completed
    - log: ["A (2 ms)", "B (1 ms)"]
      status: completed
  bun:
    - log: ["B (1 ms)", "A (2 ms)"]
      status: completed
---*/
// NODE-7: setTimeout(A, 2); setTimeout(B, 1): B's list expires first, unless the two
// calls straddle a millisecond boundary (equal expiry, A's list older).
setTimeout(() => console.log("A (2 ms)"), 2);
setTimeout(() => console.log("B (1 ms)"), 1);
