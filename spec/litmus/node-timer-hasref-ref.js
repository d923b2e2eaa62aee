/*---
id: node-timer-hasref-ref
description: "Timeout.hasRef() reflects unref()/ref(); a timer ref'd again keeps the process alive and fires. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [UV-7]
source: "Node docs timeout.hasRef()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["hasRef true", "after unref false", "after ref true", "fired"]
      status: completed
  deno:
    - log: ["hasRef true", "after unref false", "after ref true", "fired"]
      status: completed
  bun:
    - log: ["hasRef true", "after unref false", "after ref true", "fired"]
      status: completed
---*/
// Timeout objects: hasRef reflects unref/ref; a timer ref'd again keeps the process alive.
const t = setTimeout(() => console.log("fired"), 5);
console.log("hasRef " + t.hasRef());
t.unref();
console.log("after unref " + t.hasRef());
t.ref();
console.log("after ref " + t.hasRef());
