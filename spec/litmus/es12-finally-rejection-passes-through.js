/*---
id: es12-finally-rejection-passes-through
description: "finally on a rejected promise runs its handler and passes the rejection through: catch at t4 (tick clock t1..t6 started first; cb at tN prints right after tN). Observed: deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. Bun (JavaScriptCore) runs the catch at t2, not t4 (RT-2: finally without the promise wrapper)."
rules: [ES-12, ES-6]
source: "spec-sources ES-12"
hosts: [html, deno, bun]
observed: [node v20.20.2, chromium 156.0.8078.79 headless, deno 2.9.6, bun 1.4.5]
outcomes:
  html:
    - log: ["t1", "finally handler", "t2", "t3", "t4", "cb r", "t5", "t6"]
      status: completed
  deno:
    - log: ["t1", "finally handler", "t2", "t3", "t4", "cb r", "t5", "t6"]
      status: completed
  bun:
    - log: ["t1", "finally handler", "t2", "cb r", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.reject(new Error("r")).finally(() => console.log("finally handler")).catch(e => console.log("cb " + e.message));
