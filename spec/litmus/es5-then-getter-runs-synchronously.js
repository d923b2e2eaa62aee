/*---
id: es5-then-getter-runs-synchronously
description: "Get(resolution, \"then\") happens synchronously inside resolve(); the then method itself is called one job later"
rules: [ES-5, ES-6]
source: "spec-sources ES-5 steps 9-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["before resolve", "getter", "after resolve", "sync end", "t1", "then called", "t2", "cb v", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const thenable = {
  get then() {
    console.log("getter");
    return function (resolve) {
      console.log("then called");
      resolve("v");
    };
  }
};
new Promise(r => {
  console.log("before resolve");
  r(thenable);
  console.log("after resolve");
}).then(v => console.log("cb " + v));
console.log("sync end");
