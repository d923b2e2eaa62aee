/*---
id: node-io-callback-immediate-first
description: "Inside an I/O callback (poll phase) the immediate always runs before the timeout, since check comes before the next timers phase; tick and promise first. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20, re-run 10/10 (and 10/10 in the runtimes.md re-run). In Bun's turn the timers follow the poll phase (RT-1), so the timeout would come first only if a whole millisecond passed between the I/O callback that set it and that turn's timers: Bun starts a timer at the exact time of the call, and the bun host takes no MODEL-3 1 ms clock step for a timer started since the loop's last clock read (ms_boundary_in_step off). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-10, NODE-2, NODE-3]
source: "spec-sources NODE-10 [run]: tick > promise > immediate > timeout"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["tick", "promise", "immediate", "timeout"]
      status: completed
  bun:
    - log: ["tick", "promise", "immediate", "timeout"]
      status: completed
---*/
// NODE-10: inside an I/O callback (poll phase) the immediate always runs before the
// timeout, since the check phase comes before the next timers phase.
const fs = require("fs");
fs.readFile(__filename, () => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  Promise.resolve().then(() => console.log("promise"));
  process.nextTick(() => console.log("tick"));
});
