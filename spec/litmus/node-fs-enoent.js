/*---
id: node-fs-enoent
description: "fs.readFile of a missing path calls back with an ENOENT error (err.code) and no data; so does fs.stat. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6]
source: "Node docs fs.readFile"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "readFile ENOENT", "data undefined", "stat ENOENT"]
      status: completed
  bun:
    - log: ["sync end", "readFile ENOENT", "data undefined", "stat ENOENT"]
      status: completed
---*/
// fs.readFile of a missing path calls back with an ENOENT error and no data; so does fs.stat.
const fs = require("fs");
fs.readFile("/nonexistent/evloop-missing.txt", "utf8", (err, data) => {
  console.log("readFile " + err.code);
  console.log("data " + data);
  fs.stat("/nonexistent/evloop-missing.txt", err2 => console.log("stat " + err2.code));
});
console.log("sync end");
