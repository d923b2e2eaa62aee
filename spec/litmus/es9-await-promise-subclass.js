/*---
id: es9-await-promise-subclass
description: "await of a Promise subclass instance is not ES-8's fast path: PromiseResolve(%Promise%, x) wraps it (its constructor is the subclass), ES-6 calls its then from a job, and that then builds the subclass again (NewPromiseCapability(C) runs its constructor), so the async function resumes after t3 where a native promise resumes after t1 (tick clock t1..t4 started first)"
rules: [ES-9, ES-8, ES-6]
source: "ECMA-262 §27.2.1.5 NewPromiseCapability, §27.2.4.7.1 PromiseResolve, §27.2.5.4 Promise.prototype.then"
hosts: [html, node]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6, chromium 156.0.8078.129 headless]
outcomes:
  html:
    - log: ["construct", "t1", "construct", "native resumed", "t2", "t3", "subclass resumed", "t4"]
      status: completed
  node:
    - log: ["construct", "t1", "construct", "native resumed", "t2", "t3", "subclass resumed", "t4"]
      status: completed
---*/
class MyPromise extends Promise {
  constructor(executor) {
    console.log("construct");
    super(executor);
  }
}
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4"));

async function subclass() {
  await MyPromise.resolve("s");
  console.log("subclass resumed");
}
async function native() {
  await Promise.resolve("n");
  console.log("native resumed");
}
subclass();
native();
