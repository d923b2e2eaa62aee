/*---
id: node-timers-added-during-pass-wait
description: "A timer added during the timers phase, even with delay 0, waits for a later pass (its _idleStart is fresh); the immediate queued by the same callback runs first in the check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-7, UV-5, NODE-9]
source: "spec-sources NODE-7, UV-5"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["A", "I (added in A)", "C (added in A)"]
      status: completed
  deno:
    - log: ["A", "I (added in A)", "C (added in A)"]
      status: completed
  bun:
    - log: ["A", "I (added in A)", "C (added in A)"]
      status: completed
---*/
// NODE-7, UV-5: a timer added during the timers phase, even with delay 0, waits for a later
// pass; the check phase (immediates) runs first.
setTimeout(() => {
  console.log("A");
  setTimeout(() => console.log("C (added in A)"), 0);
  setImmediate(() => console.log("I (added in A)"));
}, 0);
