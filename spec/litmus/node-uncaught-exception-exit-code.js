/*---
id: node-uncaught-exception-exit-code
description: "A throw in a timer with no listener ends the process with code 1; the 'exit' listener runs, the tick the timer queued does not. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-12]
source: "Node docs process 'exit'"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["timer", "exit 1"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
// With no 'uncaughtException' listener, a throw in a timer ends the process with code 1;
// the 'exit' listener still runs, the tick queued by the timer does not.
process.on("exit", code => console.log("exit " + code));
setTimeout(() => {
  console.log("timer");
  process.nextTick(() => console.log("tick (never)"));
  throw new Error("boom");
}, 0);
