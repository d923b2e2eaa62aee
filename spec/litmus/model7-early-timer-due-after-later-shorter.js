/*---
id: model7-early-timer-due-after-later-shorter
description: "MODEL-7 item 1 (a shorter timer a later callback starts): B, a 10 ms timer set by the main module after its first console.log, fires after C, a 2 ms timer that A's callback (the 10 ms timer set first) starts about 10 ms later. A timer's start is the real time when it is set (NODE-7: getLibuvNow() updates the loop time), and the first console.log to a pipe creates process.stdout, which takes several ms: B starts 2 ms or more after A, so it comes due after C. With ideal timing B is due with A and runs first: main, A, B, C. Observed with stdout a pipe on a loaded machine (2 cores, load average 6-7): main, A, C, B on node 20 19/20 (main, A, B, C 1/20), node 22 20/20, node 24 20/20. Found by `evloop fuzz --seed 42` (fuzz-node-s42-14, -13, -31, -5, -8, -9; tools/fuzz/findings). The expected set is the loaded-timing set (timing: loaded), which holds the ideal order too."
rules: [MODEL-7, MODEL-4, NODE-7]
source: "evloop fuzz (differential testing); Node lib/internal/timers.js insert() and getLibuvNow(), src/timers.cc GetLibuvNow -> Environment::GetNowUint64 (uv_update_time)"
hosts: [node]
timing: loaded
observed: [node v20.20.2 (20 runs), node v22.23.3 (20 runs), node v24.9.0 (20 runs)]
outcomes:
  node:
    - log: ["main", "A", "C", "B"]
      status: completed
    - log: ["main", "A", "B", "C"]
      status: completed
claims:
  - claim: 'sometimes "C" before "B"'
    holds: {node: true}
    why: "MODEL-7 item 1: B's read of the loop time may find the clock 2 ms or more on, an instant chosen from the program's 2 ms delay against A's due instant."
---*/
setTimeout(() => {
  console.log("A");
  setTimeout(() => console.log("C"), 2);
}, 10);
console.log("main");
setTimeout(() => console.log("B"), 10);
