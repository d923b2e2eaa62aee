/*---
id: model7-loop-time-passes-later-timer-in-list
description: "MODEL-7 item 2 (the loop finds a later timer of a list due): B joins the 5 ms list behind A 3 ms after it, so the list's expiry is A's; then the callback that set B makes the first console.log to a pipe, which creates process.stdout and takes several ms. When the loop reads its time again (uv_update_time; processTimers(now) gets the real time, Environment::RunTimers -> GetNow) B is due too, and listOnTimeout runs both A and B in one pass, before the check phase runs A's immediate. With ideal timing the clock reaches A's expiry only: first output, A, I, B. Observed with stdout a pipe on a loaded machine (2 cores, load average 6-7): first output, A, B, I on node 20 12/20, node 22 13/20, node 24 20/20; first output, A, I, B 6/20, 7/20, 0/20; A, I, first output, B (the main module took over 3 ms, so A's list was due first) 2/20 on node 20; A, first output, I, B is allowed (the main module took over 3 ms and the 3 ms list still came first by a late read) and was not seen. Found by `evloop fuzz --seed 42` (fuzz-node-s42-19, -1, -6; tools/fuzz/findings)."
rules: [MODEL-7, MODEL-3, NODE-7, UV-5]
source: "evloop fuzz (differential testing); Node lib/internal/timers.js processTimers()/listOnTimeout(), src/env.cc Environment::RunTimers (GetNow: uv_update_time)"
hosts: [node]
timing: loaded
observed: [node v20.20.2 (20 runs), node v22.23.3 (20 runs), node v24.9.0 (20 runs)]
outcomes:
  node:
    - log: ["first output", "A", "B", "I"]
      status: completed
    - log: ["first output", "A", "I", "B"]
      status: completed
    - log: ["A", "first output", "I", "B"]
      status: completed
    - log: ["A", "I", "first output", "B"]
      status: completed
claims:
  - claim: 'sometimes "B" before "I"'
    holds: {node: true}
    why: "MODEL-7 item 2: at the loop's clock read the clock may have reached B's due instant, not only its list's expiry."
---*/
setTimeout(() => {
  console.log("A");
  setImmediate(() => console.log("I"));
}, 5);
setTimeout(() => {
  setTimeout(() => console.log("B"), 5);
  console.log("first output");
}, 3);
