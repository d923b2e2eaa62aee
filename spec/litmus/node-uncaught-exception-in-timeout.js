/*---
id: node-uncaught-exception-in-timeout
description: "A timer callback that throws with no 'uncaughtException' listener ends the process: its tick and the second timer never run. The immediate runs only if it won the main-module race (NODE-10). Observed (#n = n-th outcome below): node v20.20.2: #1 15/20, #2 5/20; node v22.23.3: #1 18/20, #2 2/20."
rules: [NODE-10, NODE-2]
source: "Node docs process 'uncaughtException'"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["immediate", "first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
    - log: ["first timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
// An exception thrown by a timer callback with no 'uncaughtException' listener ends the
// process: its tick and the later timer never run (the immediate only if it ran first).
setTimeout(() => {
  console.log("first timer");
  process.nextTick(() => console.log("tick (never)"));
  throw new Error("boom");
}, 0);
setTimeout(() => console.log("second timer (never)"), 0);
setImmediate(() => console.log("immediate"));
