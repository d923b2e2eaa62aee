/*---
id: es9-two-async-functions-interleave
description: "Two async functions awaiting plain values interleave tick by tick in call order"
rules: [ES-9, ES-2]
source: "spec-sources ES-9 / ES-2 (FIFO)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["a0", "b0", "sync end", "a1", "b1", "a2", "b2"]
      status: completed
---*/
async function a() {
  console.log("a0");
  await null;
  console.log("a1");
  await null;
  console.log("a2");
}
async function b() {
  console.log("b0");
  await null;
  console.log("b1");
  await null;
  console.log("b2");
}
a();
b();
console.log("sync end");
