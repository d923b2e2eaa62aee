/*---
id: es10-sync-until-first-await
description: "An async function body runs synchronously until its first await"
rules: [ES-10, ES-9]
source: "spec-sources ES-10 (AsyncBlockStart)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["before call", "f start", "f still sync", "after call", "f resumed"]
      status: completed
---*/
async function f() {
  console.log("f start");
  if (true) {
    console.log("f still sync");
  }
  await undefined;
  console.log("f resumed");
}
console.log("before call");
f();
console.log("after call");
