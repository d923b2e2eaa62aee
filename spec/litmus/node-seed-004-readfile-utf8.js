/*---
id: node-seed-004-readfile-utf8
description: "fs.readFile with {encoding: 'utf8'} passes a string; the nextTick and the promise job queued by the I/O callback run right after it, tick first. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-6, NODE-2, NODE-3]
source: "seed 004 (Understanding Asynchronous Event-Driven Programming: fs.readFile walk-through) (variant with an encoding)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["This happens first", "read: string", "callback end", "tick in callback", "promise in callback"]
      status: completed
  bun:
    - log: ["This happens first", "read: string", "callback end", "tick in callback", "promise in callback"]
      status: completed
---*/
// Seed 004 variant with an encoding: the callback gets a string; nextTick and promise
// jobs queued inside the callback run before the loop continues.
const fs = require("fs");
fs.readFile(__filename, { encoding: "utf8" }, (err, text) => {
  console.log("read: " + typeof text);
  process.nextTick(() => console.log("tick in callback"));
  Promise.resolve().then(() => console.log("promise in callback"));
  console.log("callback end");
});
console.log("This happens first");
