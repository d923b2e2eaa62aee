/*---
id: node-seed-004-readfile-walkthrough
description: "Seed 004's walk-through: fs.readFile hands the read to libuv's thread pool, the program prints 'This happens first', and the callback runs later from the poll phase with a Buffer. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6, NODE-1]
source: "seed 004 (Understanding Asynchronous Event-Driven Programming: fs.readFile walk-through)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["This happens first", "no error", "string", "Then the contents are delivered"]
      status: completed
  bun:
    - log: ["This happens first", "no error", "string", "Then the contents are delivered"]
      status: completed
claims:
  - claim: 'always "This happens first" before "Then the contents are delivered"'
    holds: {node: true, bun: true}
    why: "seed 004: the program continues, printing \"This happens first\"; the callback comes later from the poll phase (UV-6)"
---*/
// Seed 004's walk-through: fs.readFile hands the read to libuv, the program continues and
// prints "This happens first", and the callback runs on a later turn of the loop.
const fs = require("fs");
fs.readFile(__filename, (err, fileContent) => {
  console.log(err === null ? "no error" : "error");
  console.log(typeof fileContent.toString());
  console.log("Then the contents are delivered");
});
console.log("This happens first");
