/*---
id: es5-self-resolution-typeerror
description: "Resolving a promise with itself rejects it with a TypeError"
rules: [ES-5]
source: "spec-sources ES-5 step 7"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "object", "TypeError", "true"]
      status: completed
---*/
let res;
const p = new Promise(r => { res = r; });
res(p);
p.catch(e => {
  console.log(typeof e);
  console.log(e.name);
  console.log(e.constructor === TypeError);
});
console.log("sync end");
