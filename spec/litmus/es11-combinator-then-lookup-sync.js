/*---
id: es11-combinator-then-lookup-sync
description: "Promise.all reads each element's then synchronously (inside Promise.resolve of a thenable) during the Promise.all call; the then itself is called in a job"
rules: [ES-11, ES-5, ES-6]
source: "spec-sources ES-11 (user-visible then lookups happen during the call)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["before all", "get then", "after all", "then called", "all T,1"]
      status: completed
---*/
const thenable = {
  get then() {
    console.log("get then");
    return function (r) {
      console.log("then called");
      r("T");
    };
  }
};
console.log("before all");
Promise.all([thenable, 1]).then(v => console.log("all " + v.join(",")));
console.log("after all");
