/*---
id: node-uncaught-sync-throw
description: "A throw in the main module's synchronous code ends the process: the queued nextTick and promise job never run, but 'exit' (code 1) does. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-4]
source: "Node docs process 'exit'"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["before throw", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
// A throw in the main module's synchronous code ends the process: the queued nextTick and
// promise job never run, but the 'exit' listener does.
process.on("exit", code => console.log("exit " + code));
process.nextTick(() => console.log("tick (never)"));
Promise.resolve().then(() => console.log("promise (never)"));
console.log("before throw");
throw new Error("boom");
