/*---
id: es4-reactions-registration-order
description: "Reactions on one pending promise run in registration order when it settles, interleaved FIFO with other jobs"
rules: [ES-3, ES-4, ES-2]
source: "spec-sources ES-4 (TriggerPromiseReactions)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "x", "a", "b", "c", "y"]
      status: completed
---*/
let resolveP;
const p = new Promise(r => { resolveP = r; });
p.then(() => console.log("a"));
p.then(() => console.log("b"));
Promise.resolve().then(() => console.log("x"));
p.then(() => console.log("c"));
resolveP();
Promise.resolve().then(() => console.log("y"));
console.log("sync end");
