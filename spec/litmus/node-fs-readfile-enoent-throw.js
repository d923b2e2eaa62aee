/*---
id: node-fs-readfile-enoent-throw
description: "Throwing the ENOENT error from the callback with no 'uncaughtException' listener ends the process (code 1): the immediate and the tick the callback queued never run; 'exit' does. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [UV-6, NODE-12]
source: "Node docs fs.readFile"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["callback ENOENT", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: ENOENT: no such file or directory, open '/nonexistent/evloop-missing.txt'"]
---*/
// Throwing the ENOENT error from the callback, with no 'uncaughtException' listener, ends the
// process: the immediate and the tick the callback queued never run.
const fs = require("fs");
process.on("exit", code => console.log("exit " + code));
fs.readFile("/nonexistent/evloop-missing.txt", err => {
  console.log("callback " + err.code);
  setImmediate(() => console.log("immediate (never)"));
  process.nextTick(() => console.log("tick (never)"));
  throw err;
});
