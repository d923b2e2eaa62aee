/*---
id: es12-finally-vs-then-ticks
description: "p.finally(f).then(cb) runs cb at t4, against t2 for p.then(f).then(cb) (tick clock t1..t6 started first; cb at tN prints right after tN). Observed: deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. Bun (JavaScriptCore) runs cb finally at t2, not t4, just before cb then (RT-2)."
rules: [ES-12, ES-6, ES-8]
source: "spec-sources ES-12"
hosts: [html, deno, bun]
observed: [node v20.20.2, chromium 156.0.8078.79 headless, deno 2.9.6, bun 1.4.5]
outcomes:
  html:
    - log: ["t1", "finally handler", "then handler", "t2", "cb then undefined", "t3", "t4", "cb finally v", "t5", "t6"]
      status: completed
  deno:
    - log: ["t1", "finally handler", "then handler", "t2", "cb then undefined", "t3", "t4", "cb finally v", "t5", "t6"]
      status: completed
  bun:
    - log: ["t1", "finally handler", "then handler", "t2", "cb finally v", "cb then undefined", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const p = Promise.resolve("v");
p.finally(() => console.log("finally handler")).then(v => console.log("cb finally " + v));
p.then(() => console.log("then handler")).then(v => console.log("cb then " + typeof v));
