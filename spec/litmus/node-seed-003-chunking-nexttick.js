/*---
id: node-seed-003-chunking-nexttick
description: "nextTick chunking starves I/O: the whole nextTick queue, including ticks queued meanwhile, drains before the loop reaches the poll phase, so the I/O callback comes after every chunk. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, NODE-12, UV-6]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), setImmediate() vs process.nextTick() for breaking up a long job"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "I/O callback"]
      status: completed
  bun:
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "I/O callback"]
      status: completed
claims:
  - claim: 'never "I/O callback" before "render f"'
    holds: {node: true, bun: true}
    why: "seed 003: chunking with process.nextTick starves I/O until the work is done (NODE-3, NODE-12)"
---*/
// Seed 003's warning: chunking a long job with process.nextTick starves I/O, since the whole
// nextTick queue (including ticks queued meanwhile) drains before the loop reaches poll.
const fs = require("fs");
function longProcess(array, render) {
  const items = array.map(x => x); //clone the array
  const iterator = () => {
    const item = items.shift();
    render(item);
    if (items.length > 0) process.nextTick(iterator);
  };
  process.nextTick(iterator);
}
fs.readFile(__filename, "utf8", () => console.log("I/O callback"));
longProcess(["a", "b", "c", "d", "e", "f"], item => console.log("render " + item));
console.log("started");
