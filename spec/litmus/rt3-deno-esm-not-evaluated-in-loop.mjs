/*---
id: rt3-deno-esm-not-evaluated-in-loop
description: "RT-3, RT-1 (spec/runtimes.md row 3, profile flag esm_evaluated_in_loop): Node 20 reads an ES-module entry asynchronously and evaluates it from inside the loop, after the pre-loop timer pass, so the check phase comes before the first timers phase: immediate first even though the busy-wait made the 0 ms timer due (NODE-4). Node 22 and 24, and Deno, evaluate it before the loop: the due timer runs in the first timers phase, before the immediate. Bun runs the immediates queued before each turn first (immediates_first, row 1). The node-esm host holds both Node orders (the `start` / `start:in-loop` choice). Observed: node v20.20.2: immediate, timeout 10/10; node v22.23.3, v24.9.0: timeout, immediate 10/10; deno 2.9.6: timeout, immediate 10/10; bun 1.4.5: immediate, timeout 10/10."
rules: [RT-3, RT-1, NODE-4, NODE-10, MODEL-1]
source: "spec-sources NODE-4 (Node 20 ESM loader), RT-3; measured"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
  deno:
    - log: ["timeout", "immediate"]
      status: completed
  bun:
    - log: ["immediate", "timeout"]
      status: completed
---*/
// An ES-module main that makes its 0 ms timer due before the loop starts.
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
const t = Date.now();
while (Date.now() - t < 3);
