/*---
id: node-process-emit-sync
description: "process.emit calls the listeners synchronously in registration order and returns whether there were any; off removes one; once runs once. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1]
source: "Node docs events emitter.emit"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["first a", "second a", "once a", "emit 1 returned true", "second b", "emit 2 returned true", "no listeners: false"]
      status: completed
  deno:
    - log: ["first a", "second a", "once a", "emit 1 returned true", "second b", "emit 2 returned true", "no listeners: false"]
      status: completed
  bun:
    - log: ["first a", "second a", "once a", "emit 1 returned true", "second b", "emit 2 returned true", "no listeners: false"]
      status: completed
---*/
// process.emit calls the listeners synchronously, in registration order, and returns whether
// there were any; process.off removes one; a 'once' listener runs only once.
function first(x) { console.log("first " + x); }
process.on("custom", first);
process.on("custom", x => console.log("second " + x));
process.once("custom", x => console.log("once " + x));
console.log("emit 1 returned " + process.emit("custom", "a"));
process.off("custom", first);
console.log("emit 2 returned " + process.emit("custom", "b"));
console.log("no listeners: " + process.emit("other"));
