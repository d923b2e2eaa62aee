/*---
id: es11-all-order-by-index
description: "Promise.all results are placed by index, not settlement order; the combined promise waits for the slowest"
rules: [ES-11]
source: "spec-sources ES-11 (results by index)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["settle b", "settle c", "settle a", "all a,b,c"]
      status: completed
---*/
function later(v, ms) {
  return new Promise(r => setTimeout(() => { console.log("settle " + v); r(v); }, ms));
}
Promise.all([later("a", 30), later("b", 10), later("c", 20)]).then(v => console.log("all " + v.join(",")));
