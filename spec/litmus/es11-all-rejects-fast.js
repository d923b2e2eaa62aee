/*---
id: es11-all-rejects-fast
description: "Promise.all rejects with the first rejection without waiting for the rest"
rules: [ES-11]
source: "spec-sources ES-11"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["settle b", "all rejected b", "settle c", "settle a"]
      status: completed
---*/
function later(v, ms, fail) {
  return new Promise((res, rej) => setTimeout(() => { console.log("settle " + v); if (fail) { rej(new Error(v)); } else { res(v); } }, ms));
}
Promise.all([later("a", 30, false), later("b", 10, true), later("c", 20, true)]).then(
  v => console.log("all " + v.join(",")),
  e => console.log("all rejected " + e.message)
);
