/*---
id: node-timers-due-again-in-pass
description: "UV-5: a 1 ms timer set in a promise job of a timers pass, followed by a 3 ms busy-wait and another setTimeout (whose getLibuvNow() updates the loop time), is already due when the pass ends. Node 20 (libuv 1.46) runs Node's timer handle again in the same uv__run_timers pass, so T2 runs before the check phase's immediate: T1, T2, I (node v20.20.2: 6/20; I first 14/20, when the 1 ms timer missed the pre-loop pass, NODE-10). libuv 1.48 (PR #4250, Node 22 and 24) collects the due timers before running them, so T2 waits for the next pass: T1, I, T2 (node v22.23.3 2/20, v24.9.0 1/20; I first otherwise). Found by `evloop fuzz` (tools/fuzz/findings/node-timer-set-in-timers-pass-runs-in-it.js). The node host allows all three orders (timers:again / timers:done)."
rules: [UV-5, NODE-7, NODE-10, MODEL-1]
source: "libuv src/timer.c uv__run_timers (v1.46.0 vs v1.48.0, PR #4250); Node src/env.cc Environment::RunTimers"
hosts: [node]
observed: [node v20.20.2 (20 runs), node v22.23.3 (20 runs), node v24.9.0 (20 runs)]
outcomes:
  node:
    - log: ["T1", "T2", "I", "T3"]
      status: completed
    - log: ["T1", "I", "T2", "T3"]
      status: completed
    - log: ["I", "T1", "T2", "T3"]
      status: completed
---*/
setTimeout(() => {
  console.log("T1");
  Promise.resolve().then(() => {
    setTimeout(() => console.log("T2"), 0);
    const s = Date.now();
    while (Date.now() < s + 3) {}
    setTimeout(() => console.log("T3"), 50);
  });
}, 0);
setImmediate(() => console.log("I"));
