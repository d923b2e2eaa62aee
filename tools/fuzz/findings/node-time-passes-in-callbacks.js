/*---
id: node-time-passes-in-callbacks
description: "Found by `evloop fuzz` (seed 1, shrunk by proptest: fuzz-node-s1-6; the most frequent class of disagreement with every runtime). The model's clock does not move while JavaScript runs, so a 1 ms timer set in the first timer's callback always expires (at 2 ms) before the 5 ms timer. In Node the callback itself takes time: the first console.log to a pipe creates process.stdout (several ms), and timers record their start when they are set (uv_update_time in GetLibuvNow), so the 5 ms timer is already due when the new one is set: L1, L3, L2 40/40 on node v20.20.2 with stdout a pipe (with performance.now(): L1 at 3.6 ms, L3 at 10.7 ms, L2 at 11.0 ms). With a 20 ms second timer: L1, L2, L3 10/10. Candidate: the model should let the clock advance while a callback runs (at least when it reads the clock to set a timer), or the claim that Node agrees with it needs a stated precondition."
rules: [NODE-10]
source: "evloop fuzz (differential testing)"
hosts: [node]
observed: [node v20.20.2]
outcomes:
  node:
    - log: ["L1", "L3", "L2"]
      status: completed
model:
  node:
    - log: ["L1", "L2", "L3"]
      status: completed
---*/
setTimeout(() => { console.log("L1"); setTimeout(() => console.log("L2"), 0); }, 0);
setTimeout(() => console.log("L3"), 5);
