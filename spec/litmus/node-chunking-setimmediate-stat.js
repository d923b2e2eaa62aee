/*---
id: node-chunking-setimmediate-stat
description: "setImmediate chunking with a one-request I/O operation (fs.stat): its callback runs in the poll phase of the first iteration after the worker finishes, so it can land before any chunk or between any two. After b and after c were not observed but only need a slower worker. Observed (#n = n-th outcome below): node v20.20.2: #1 15/20, #2 5/20, #3 0/20, #4 0/20, #5 0/20; node v22.23.3: #1 15/20, #2 5/20, #3 0/20, #4 0/20, #5 0/20. #3 was seen only in an earlier batch of 20+20 runs of the same program (node v22.23.3 1/20). #4, #5 not observed (see above why they are listed). bun 1.4.5: I/O callback first 19/20, last 1/20; the three middle positions of the bun list were not observed but only need a slower worker. Bun runs completed thread-pool work before the turn's immediates (vm.tick() before autoTick: the completions_before_immediates flag, RT-1). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-9, UV-6, NODE-1, RT-1]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), setImmediate() chunking (variant with fs.stat)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["started", "I/O callback", "render a", "render b", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "I/O callback"]
      status: completed
    - log: ["started", "render a", "I/O callback", "render b", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "I/O callback", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "I/O callback", "render d"]
      status: completed
  bun:
    - log: ["started", "I/O callback", "render a", "render b", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "I/O callback"]
      status: completed
    - log: ["started", "render a", "I/O callback", "render b", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "I/O callback", "render c", "render d"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "I/O callback", "render d"]
      status: completed
---*/
// Seed 003's setImmediate chunking with a one-request I/O operation (fs.stat): its callback
// runs in the poll phase of whichever loop iteration follows its completion.
const fs = require("fs");
function longProcess(array, render) {
  const items = array.map(x => x); //clone the array
  const iterator = () => {
    const item = items.shift();
    render(item);
    if (items.length > 0) setImmediate(iterator);
  };
  setImmediate(iterator);
}
fs.stat(__filename, () => console.log("I/O callback"));
longProcess(["a", "b", "c", "d"], item => console.log("render " + item));
console.log("started");
