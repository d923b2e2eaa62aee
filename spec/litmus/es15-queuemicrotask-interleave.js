/*---
id: es15-queuemicrotask-interleave
description: "queueMicrotask and promise jobs share one FIFO queue and interleave in call order"
rules: [ES-15, HTML-8, ES-2]
source: "spec-sources ES-15 / HTML-8"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "qm1", "p1", "qm2", "p2", "qm3", "p2b", "qm3-nested"]
      status: completed
---*/
queueMicrotask(() => console.log("qm1"));
Promise.resolve().then(() => console.log("p1"));
queueMicrotask(() => console.log("qm2"));
Promise.resolve().then(() => console.log("p2")).then(() => console.log("p2b"));
queueMicrotask(() => {
  console.log("qm3");
  queueMicrotask(() => console.log("qm3-nested"));
});
console.log("sync end");
