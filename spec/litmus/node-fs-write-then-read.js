/*---
id: node-fs-write-then-read
description: "fs.writeFile, then fs.readFile from the write's callback, sees the data written. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6]
source: "Node docs fs.writeFile"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "written null", "read back: hello from evloop"]
      status: completed
  bun:
    - log: ["sync end", "written null", "read back: hello from evloop"]
      status: completed
---*/
// fs.writeFile, then fs.readFile from the write's callback, sees the data written.
const fs = require("fs");
const path = "/tmp/evloop-litmus-node-write.txt";
fs.writeFile(path, "hello from evloop", err => {
  console.log("written " + err);
  fs.readFile(path, "utf8", (err2, text) => console.log("read back: " + text));
});
console.log("sync end");
