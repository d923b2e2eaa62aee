/*---
id: es10-try-finally-across-await
description: "try/finally across an await: finally runs after the awaited value is delivered, before the caller's then"
rules: [ES-10, ES-9]
source: "spec-sources ES-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["try start", "sync end", "try resumed", "finally", "other t1", "then ret", "other t2"]
      status: completed
---*/
async function f() {
  try {
    console.log("try start");
    await null;
    console.log("try resumed");
    return "ret";
  } finally {
    console.log("finally");
  }
}
f().then(v => console.log("then " + v));
Promise.resolve().then(() => console.log("other t1")).then(() => console.log("other t2"));
console.log("sync end");
