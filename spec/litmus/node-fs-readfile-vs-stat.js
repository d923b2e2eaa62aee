/*---
id: node-fs-readfile-vs-stat
description: "Callbacks come back in completion order (UV-6). fs.readFile is four thread-pool requests in a row and fs.stat one, so the stat submitted second called back first in every run; readFile first needs the stat's worker to be delayed across readFile's four round trips. Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 20/20, #2 0/20. #2 not observed (see above why they are listed). bun 1.4.5: #1 18/20, #2 2/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6]
source: "spec-sources UV-6"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["stat (submitted second)", "readFile (submitted first)"]
      status: completed
    - log: ["readFile (submitted first)", "stat (submitted second)"]
      status: completed
  bun:
    - log: ["readFile (submitted first)", "stat (submitted second)"]
      status: completed
    - log: ["stat (submitted second)", "readFile (submitted first)"]
      status: completed
---*/
// UV-6: callbacks come back in completion order, not submission order. fs.readFile is four
// thread-pool requests in a row (open, fstat, read, close) and fs.stat one, so the stat
// submitted second practically always calls back first.
const fs = require("fs");
fs.readFile(__filename, () => console.log("readFile (submitted first)"));
fs.stat(__filename, () => console.log("stat (submitted second)"));
