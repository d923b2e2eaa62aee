/*---
id: es3-then-on-settled-enqueues-immediately
description: "then() on an already-settled promise enqueues its job at the then() call, not at settlement"
rules: [ES-3, ES-2]
source: "spec-sources ES-3 step 10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["b", "a", "b2", "c", "a2"]
      status: completed
---*/
const a = Promise.resolve("a");
const b = Promise.resolve("b");
b.then(v => console.log(v));
a.then(v => console.log(v));
let resolveC;
const c = new Promise(r => { resolveC = r; });
c.then(() => console.log("c"));
b.then(() => console.log("b2"));
resolveC();
a.then(() => console.log("a2"));
