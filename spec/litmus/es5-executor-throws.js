/*---
id: es5-executor-throws
description: "An executor that throws rejects the promise; a throw after resolve is ignored"
rules: [ES-5]
source: "spec-sources ES-5 (AlreadyResolved); Promise constructor"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "a executor threw", "b ok"]
      status: completed
---*/
new Promise(() => {
  throw new Error("executor threw");
}).catch(e => console.log("a " + e.message));
new Promise(resolve => {
  resolve("ok");
  throw new Error("ignored");
}).then(v => console.log("b " + v), e => console.log("b rejected"));
console.log("sync end");
