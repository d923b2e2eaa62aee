/*---
id: es5-reject-then-resolve
description: "reject() first wins over a later resolve(); the shared AlreadyResolved record"
rules: [ES-5]
source: "spec-sources ES-5 steps 5-6 (AlreadyResolved)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["rejected first"]
      status: completed
---*/
new Promise((resolve, reject) => {
  reject(new Error("first"));
  resolve("second");
}).then(v => console.log("fulfilled " + v), e => console.log("rejected " + e.message));
