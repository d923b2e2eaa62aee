/*---
id: model7-uv5-second-pass-reads-the-loop-time
description: "MODEL-7 item 2 at UV-5's second pass: `RunTimers` calls `GetNow`, so when libuv < 1.48 (Node 20) runs a due timer handle again in the same `uv__run_timers`, that pass may find any pending timer due. With the ideal timing T (0 ms, set at 5 ms) runs before B (10 ms): A, I, T, B. On this machine the first console.log to a pipe takes several ms, so T starts after B is due: A, I, B, T (30/30). B, A, I, T and A, B, I, T need the first timers pass to come 10 ms or more late (not seen in these runs); A, B, T, I needs, in addition, Node 20's second pass (`timers:again`) to find T due: seen once in the spec 0.3.0 seed-42 fuzz run (fuzz-node-s42-4, node 20: a 10 ms timer and a 0 ms timer set in a 5 ms timer's promise job both before the immediate that job queued). Observed: node v20.20.2, v22.23.3, v24.9.0: A, I, B, T 10/10 each."
rules: [MODEL-7, UV-5, NODE-7, NODE-10]
source: "evloop fuzz (differential testing); Node src/env.cc RunTimers (GetNow), libuv < 1.48 uv__run_timers"
hosts: [node]
timing: loaded
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs)]
outcomes:
  node:
    - log: ["A", "I", "B", "T"]
      status: completed
    - log: ["A", "I", "T", "B"]
      status: completed
    - log: ["A", "B", "I", "T"]
      status: completed
    - log: ["B", "A", "I", "T"]
      status: completed
    - log: ["A", "B", "T", "I"]
      status: completed
---*/
// Node 20: the second pass of uv__run_timers reads the loop time again.
setTimeout(() => console.log("B"), 10);
setTimeout(() => {
  console.log("A");
  setTimeout(() => console.log("T"), 0);
  setImmediate(() => console.log("I"));
}, 5);
