/*---
id: rt2-bun-finally-ticks
description: "RT-2: p.finally(f).then(cb) runs cb at t4 in V8 (Node, Deno), as ES-12 requires (the derived promise is resolved with a promise, ES-6), but at t2 in JavaScriptCore (Bun). Tick clock t1..t5 started first. Observed 10/10 on each runtime."
rules: [RT-2, ES-12, ES-6]
source: "spec-sources ES-12, RT-2; re-run for spec/runtimes.md"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["t1", "t2", "t3", "t4", "finally cb", "t5"]
      status: completed
  deno:
    - log: ["t1", "t2", "t3", "t4", "finally cb", "t5"]
      status: completed
  bun:
    - log: ["t1", "t2", "finally cb", "t3", "t4", "t5"]
      status: completed
---*/
const p = Promise.resolve();
p.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5"));
p.finally(() => {}).then(() => console.log("finally cb"));
