/*---
id: es5-resolve-twice
description: "Only the first call to a resolving function counts: resolve(1); resolve(2); reject(...)"
rules: [ES-5]
source: "spec-sources ES-5 steps 5-6 (AlreadyResolved)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["executor done", "fulfilled 1"]
      status: completed
---*/
new Promise((resolve, reject) => {
  resolve(1);
  resolve(2);
  reject(new Error("late"));
  console.log("executor done");
}).then(v => console.log("fulfilled " + v), e => console.log("rejected " + e.message));
