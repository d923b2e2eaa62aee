/*---
id: node-timer-unref
description: "An unref'd timer does not keep the loop alive: the process exits once the immediate has run. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [UV-7, NODE-12]
source: "Node docs timeout.unref()"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["immediate", "exit"]
      status: completed
---*/
// NODE-12, UV-7: an unref'd timer does not keep the loop alive: the process exits once the
// immediate has run, and the 500 ms timer never fires.
const t = setTimeout(() => console.log("unref'd timer (never)"), 500);
t.unref();
setImmediate(() => console.log("immediate"));
process.on("exit", () => console.log("exit"));
