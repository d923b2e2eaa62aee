/*---
id: node-fs-two-stats
description: "Two fs.stat requests run on different thread-pool workers and call back in completion order (UV-6). Submission order usually wins; the other order needs only the first worker to be slower. Observed (#n = n-th outcome below): node v20.20.2: #1 19/20, #2 1/20; node v22.23.3: #1 20/20, #2 0/20. bun 1.4.5: #1 19/20, #2 1/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6]
source: "spec-sources UV-6"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["stat 1", "stat 2"]
      status: completed
    - log: ["stat 2", "stat 1"]
      status: completed
  bun:
    - log: ["stat 1", "stat 2"]
      status: completed
    - log: ["stat 2", "stat 1"]
      status: completed
---*/
// UV-6: two fs.stat requests run on different thread-pool workers; the callbacks come back
// in completion order, which submission order does not fix.
const fs = require("fs");
fs.stat(__filename, () => console.log("stat 1"));
fs.stat(__filename, () => console.log("stat 2"));
