/*---
id: model7-time-passes-in-callback
description: "MODEL-7: time passes while JavaScript runs. With ideal timing (MODEL-1/3/4) the 1 ms timer set in L1's callback is due at 2 ms, before the 5 ms timer: L1, L2, L3. In Node the callback itself takes time (the first console.log to a pipe creates process.stdout: several ms), and a timer's start is the real time when it is set (NODE-7, getLibuvNow updates the loop time), so the 5 ms timer is already due when L2's is set: L1, L3, L2 — 10/10 on node 20, 22 and 24 with stdout a pipe; Deno and Bun show both orders. Found by `evloop fuzz` (tools/fuzz/findings). The expected set is the loaded-timing set (timing: loaded), which holds the ideal order too."
rules: [MODEL-7, MODEL-4, NODE-7]
source: "evloop fuzz (differential testing); Node lib/internal/timers.js insert() and getLibuvNow()"
hosts: [node, deno, bun]
timing: loaded
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["L1", "L3", "L2"]
      status: completed
    - log: ["L1", "L2", "L3"]
      status: completed
  deno:
    - log: ["L1", "L3", "L2"]
      status: completed
    - log: ["L1", "L2", "L3"]
      status: completed
  bun:
    - log: ["L1", "L3", "L2"]
      status: completed
    - log: ["L1", "L2", "L3"]
      status: completed
claims:
  - claim: 'sometimes "L3" before "L2"'
    holds: {node: true, deno: true, bun: true}
    why: "MODEL-7: the clock may reach 5 ms while L1's callback runs, before L2's timer is started."
---*/
setTimeout(() => { console.log("L1"); setTimeout(() => console.log("L2"), 0); }, 0);
setTimeout(() => console.log("L3"), 5);
