/*---
id: node-fs-stat-own-file
description: "fs.stat of the program's own file calls back with null and stats. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6]
source: "Node docs fs.stat"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "err null", "size positive true"]
      status: completed
  bun:
    - log: ["sync end", "err null", "size positive true"]
      status: completed
---*/
// fs.stat on the program's own file succeeds; its callback gets an error of null and stats.
const fs = require("fs");
fs.stat(__filename, (err, stats) => {
  console.log("err " + err);
  console.log("size positive " + (stats.size > 0));
});
console.log("sync end");
