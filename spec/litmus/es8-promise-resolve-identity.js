/*---
id: es8-promise-resolve-identity
description: "Promise.resolve(nativePromise) returns the same object; a thenable or a promise with a changed constructor is wrapped"
rules: [ES-8]
source: "spec-sources ES-8"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["true", "false", "false"]
      status: completed
---*/
const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p);
const q = Promise.resolve(2);
q.constructor = Object;
console.log(Promise.resolve(q) === q);
const th = { then(r) { r(3); } };
console.log(Promise.resolve(th) === th);
