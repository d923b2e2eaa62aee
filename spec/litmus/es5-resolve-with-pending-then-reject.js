/*---
id: es5-resolve-with-pending-then-reject
description: "Once resolved with a pending promise, a later reject() is ignored: the promise follows the thenable"
rules: [ES-5, ES-6]
source: "spec-sources ES-5 steps 5-6"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["timer", "fulfilled inner value"]
      status: completed
---*/
let resolveInner;
const inner = new Promise(r => { resolveInner = r; });
new Promise((resolve, reject) => {
  resolve(inner);
  reject(new Error("ignored"));
}).then(v => console.log("fulfilled " + v), e => console.log("rejected " + e.message));
setTimeout(() => {
  console.log("timer");
  resolveInner("inner value");
}, 0);
