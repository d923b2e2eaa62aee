/*---
id: rt1-bun-immediate-before-timeout-after-busy-wait
description: "RT-1: after a 5 ms busy-wait in the main module (the clock advances 1 ms per iteration, MODEL-1), Node and Deno run the expired setTimeout(0) in the pre-loop timer pass (UV-1 step 2, with the loop time updated first, UV-4) before the check phase; Bun's turn starts with the immediates queued before it and has no pre-loop timer pass, so the immediate runs first. Observed 10/10 on each runtime."
rules: [RT-1, RT-3, NODE-10, UV-1, UV-4, MODEL-1]
source: "spec-sources NODE-10 (a 5 ms busy-wait makes it deterministic), RT-1 (Bun: immediate first even after a busy-wait)"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["busy-wait done", "timeout", "immediate"]
      status: completed
  deno:
    - log: ["busy-wait done", "timeout", "immediate"]
      status: completed
  bun:
    - log: ["busy-wait done", "immediate", "timeout"]
      status: completed
---*/
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
const s = Date.now();
while (Date.now() < s + 5) {}
console.log("busy-wait done");
