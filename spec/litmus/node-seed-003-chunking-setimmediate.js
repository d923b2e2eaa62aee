/*---
id: node-seed-003-chunking-setimmediate
description: "setImmediate chunking lets an I/O callback in between chunks (one chunk per check phase). fs.readFile is four thread-pool requests in a row (open, fstat, read, close; lib/fs.js readFile, internal/fs/read/context.js), each submitted from the previous one's callback in a poll phase, so its callback comes in the 4th iteration's poll phase at the earliest: after render c. After e and f were not observed here but lie between observed positions. Observed (#n = n-th outcome below): node v20.20.2: #1 10/20, #2 10/20, #3 0/20, #4 0/20, #5 0/20, #6 0/20; node v22.23.3: #1 10/20, #2 9/20, #3 1/20, #4 0/20, #5 0/20, #6 0/20. #4 was seen only in an earlier batch of 20+20 runs of the same program (node v20.20.2 1/20). #5, #6 not observed (see above why they are listed). bun 1.4.5: #1 18/20, #2 2/20. bun: the fs.readFile callback ran before the first immediate 18/20 (after all of them 2/20): Bun's readFile is one async task (profile flag fs_calls_one_request, RT-1), and completed work runs at the start of a turn, before the turn's immediates (completions_before_immediates, as node-chunking-setimmediate-stat shows for fs.stat); the bun host lets the task complete before any turn, so the callback may come before any chunk (the positions between render a and render h were not observed in 20 runs: the read of this small file takes less than one chunk, but any of them only needs the worker to be slower). node v24.21.0: 3 distinct outcome(s) in 10 runs (3/10; 6/10; 1/10), all listed."
rules: [NODE-9, UV-6, NODE-1]
source: "seed 003 (The JavaScript Event Loop, Yariv Gilad), setImmediate() vs process.nextTick() for breaking up a long job"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["started", "render a", "render b", "render c", "I/O callback", "render d", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "render g", "render h", "I/O callback"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "I/O callback", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "render g", "I/O callback", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "I/O callback", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "I/O callback", "render g", "render h"]
      status: completed
  bun:
    - log: ["started", "I/O callback", "render a", "render b", "render c", "render d", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "render g", "render h", "I/O callback"]
      status: completed
    - log: ["started", "render a", "I/O callback", "render b", "render c", "render d", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "I/O callback", "render c", "render d", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "I/O callback", "render d", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "I/O callback", "render e", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "I/O callback", "render f", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "I/O callback", "render g", "render h"]
      status: completed
    - log: ["started", "render a", "render b", "render c", "render d", "render e", "render f", "render g", "I/O callback", "render h"]
      status: completed
claims:
  - claim: 'sometimes "I/O callback" before "render h"'
    holds: {node: true, bun: true}
    why: "seed 003: \"use setImmediate ... otherwise I/O callbacks would not get the chance to run between iterations\" (the poll phase runs between check phases, NODE-1)"
---*/
// The seed's advice: break a long job into setImmediate chunks so that I/O callbacks
// get a chance to run between iterations.
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
fs.readFile(__filename, "utf8", () => console.log("I/O callback"));
longProcess(["a", "b", "c", "d", "e", "f", "g", "h"], item => console.log("render " + item));
console.log("started");
