/*---
id: node-await-vs-nexttick
description: "In a CommonJS main, code after an await resumes in a promise job, after every nextTick queued by the synchronous code. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, ES-9]
source: "spec-sources NODE-3"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["f start", "sync end", "tick 1", "tick 2", "f after await", "f after second await"]
      status: completed
  deno:
    - log: ["f start", "sync end", "f after await", "f after second await", "tick 1", "tick 2"]
      status: completed
  bun:
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
