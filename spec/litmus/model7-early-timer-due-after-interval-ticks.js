/*---
id: model7-early-timer-due-after-interval-ticks
description: "MODEL-7 item 1 (a chain of later timers): B, a 5 ms timer set by the main module after its first console.log, fires after one, two or all three ticks of a 1 ms interval that A's callback (the 5 ms timer set first) starts, because the first console.log to a pipe (it creates process.stdout) takes several ms and B's start is the real time when it is set (NODE-7, getLibuvNow). Each tick re-inserts the interval at the loop time (NODE-8), so B coming due after tick N needs its start about N ms after A's: the model tries the sums of up to three of the program's delays. With ideal timing B is due at most 1 ms after A: main, A, B, tick 1-3 or main, A, tick 1, B, tick 2, tick 3. Observed with stdout a pipe on a loaded machine (2 cores, load average 6-7): after tick 3 node 20 8/20, node 22 13/20, node 24 9/20; after tick 2 4/20, 3/20, 7/20; after tick 1 7/20, 3/20, 1/20; before tick 1 1/20, 1/20, 3/20. Found by `evloop fuzz --seed 42` (fuzz-node-s42-16, -3, -10; tools/fuzz/findings)."
rules: [MODEL-7, MODEL-4, NODE-7, NODE-8]
source: "evloop fuzz (differential testing); Node lib/internal/timers.js insert(), listOnTimeout() (interval re-insertion with start = getLibuvNow()) and getLibuvNow()"
hosts: [node]
timing: loaded
observed: [node v20.20.2 (20 runs), node v22.23.3 (20 runs), node v24.9.0 (20 runs)]
outcomes:
  node:
    - log: ["main", "A", "tick 1", "tick 2", "tick 3", "B"]
      status: completed
    - log: ["main", "A", "tick 1", "tick 2", "B", "tick 3"]
      status: completed
    - log: ["main", "A", "tick 1", "B", "tick 2", "tick 3"]
      status: completed
    - log: ["main", "A", "B", "tick 1", "tick 2", "tick 3"]
      status: completed
claims:
  - claim: 'sometimes "tick 3" before "B"'
    holds: {node: true}
    why: "MODEL-7 item 1: B's read of the loop time may find the clock at A's due instant plus three 1 ms ticks minus 5 ms, or 1 ms later."
---*/
setTimeout(() => {
  console.log("A");
  let n = 0;
  const h = setInterval(() => {
    n++;
    console.log("tick " + n);
    if (n === 3) clearInterval(h);
  }, 1);
}, 5);
console.log("main");
setTimeout(() => console.log("B"), 5);
