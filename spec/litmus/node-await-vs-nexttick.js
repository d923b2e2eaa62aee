/*---
id: node-await-vs-nexttick
description: "In a CommonJS main, code after an await resumes in a promise job, after every nextTick queued by the synchronous code. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-3, ES-9]
source: "spec-sources NODE-3"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["f start", "sync end", "tick 1", "tick 2", "f after await", "f after second await"]
      status: completed
---*/
// NODE-3: in a CommonJS main, code after an await resumes in a promise job, so it runs after
// every nextTick callback queued by the synchronous code.
async function f() {
  console.log("f start");
  await null;
  console.log("f after await");
  await null;
  console.log("f after second await");
}
f();
process.nextTick(() => console.log("tick 1"));
process.nextTick(() => console.log("tick 2"));
console.log("sync end");
