/*---
id: es11-any-errors-by-index
description: "Promise.any rejects when all inputs reject; errors are ordered by index, not by rejection time"
rules: [ES-11]
source: "spec-sources ES-11 (any errors by index)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["AggregateError", "x,y,z"]
      status: completed
---*/
function failLater(v, ms) {
  return new Promise((res, rej) => setTimeout(() => rej(new Error(v)), ms));
}
Promise.any([failLater("x", 20), failLater("y", 5), failLater("z", 10)]).catch(e => {
  console.log(e.name);
  console.log(e.errors.map(err => err.message).join(","));
});
