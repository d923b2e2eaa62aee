/*---
id: model2-microtask-loop-diverges
description: "MODEL-2, NODE-3: a promise job that always queues another never lets the microtask drain end, so neither the timer nor the immediate ever runs; the real runtime prints the synchronous lines and then spins until killed, the model ends the run as diverged: the checkpoint comes back to the same state with only the log grown (MODEL-2's cycle). Observed: node v20.20.2, deno 2.9.6 and bun 1.4.5 each printed start, sync end and nothing more in 5 s (3 runs each, killed by timeout). Only the node host is checked here."
rules: [MODEL-2, NODE-3, NODE-12]
source: "spec MODEL-2; spec-sources NODE-12 (a recursive microtask chain starves the loop)"
hosts: [node]
observed: [node v20.20.2 (3 runs, killed after 5 s), deno 2.9.6 (3 runs, killed after 5 s), bun 1.4.5 (3 runs, killed after 5 s)]
outcomes:
  node:
    - log: ["start", "sync end"]
      status: diverged
claims:
  - claim: 'always status == diverged'
    holds: {node: true}
    why: "seed 001: \"an infinite Microtask queue blocks the thread\" (MODEL-2: the run ends as diverged)"
---*/
console.log("start");
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
function spin() {
  Promise.resolve().then(spin);
}
spin();
console.log("sync end");
