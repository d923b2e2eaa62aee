/*---
id: node-fs-readfile-nested-ticks
description: "After an I/O callback its nextTick (and the promise job that queues) drain before the loop continues; an immediate it queues runs in the same iteration's check phase. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-2, NODE-10, NODE-3]
source: "spec-sources NODE-2, NODE-10"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["read", "tick", "promise from tick", "immediate", "tick from immediate"]
      status: completed
  bun:
    - log: ["read", "tick", "promise from tick", "immediate", "tick from immediate"]
      status: completed
---*/
// NODE-2: after an I/O callback, its nextTick and promise jobs drain before the loop
// continues; an immediate it queues runs in the same iteration's check phase.
const fs = require("fs");
fs.readFile(__filename, "utf8", () => {
  console.log("read");
  setImmediate(() => {
    console.log("immediate");
    process.nextTick(() => console.log("tick from immediate"));
  });
  process.nextTick(() => {
    console.log("tick");
    Promise.resolve().then(() => console.log("promise from tick"));
  });
});
