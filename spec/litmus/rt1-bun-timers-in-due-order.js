/*---
id: rt1-bun-timers-in-due-order
description: "NODE-7: Node keeps a list of timers per duration and runs a due list whole: A (1 ms) and C (1 ms, started ~8 ms later by a busy microtask) share the 1 ms list, which expires before B's 5 ms list, so a first timers pass at ~12 ms runs A, C, then B. Bun keeps one heap of timers ordered by their exact deadlines (profile flag timers_in_due_order, RT-1): A (~1 ms), B (~5 ms), C (~9 ms). Found by `evloop fuzz --host node --seed 20261207` (bun: a 5 ms timer before a 1 ms one started later in a microtask, on a loaded machine), minimised by hand. Observed 10/10 each: node v20.20.2, v22.23.3, v24.9.0 and deno 2.9.6 A, C, B; bun 1.4.5 A, B, C."
rules: [RT-1, NODE-7, MODEL-1]
source: "Node lib/internal/timers.js (a list per duration, listOnTimeout); Bun src/bun.js/api/Timer.zig (one heap by deadline); measured"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["A", "C", "B"]
      status: completed
  deno:
    - log: ["A", "C", "B"]
      status: completed
  bun:
    - log: ["A", "B", "C"]
      status: completed
---*/
// Node runs a due list of timers whole; Bun runs due timers by deadline.
setTimeout(() => console.log("A"), 0);
setTimeout(() => console.log("B"), 5);
queueMicrotask(() => {
  let t = Date.now();
  while (Date.now() - t < 8);
  setTimeout(() => console.log("C"), 1);
  t = Date.now();
  while (Date.now() - t < 4);
});
