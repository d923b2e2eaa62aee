/*---
id: es7-handler-returns-promise
description: "A handler returning a native promise adds two ticks: p.then(() => Promise.resolve()).then(cb) runs cb at t4, against t2 for a plain value (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-7, ES-5, ES-6]
source: "spec-sources ES-7 (handler returns a promise)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb plain plain", "t3", "t4", "cb promise p", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.resolve().then(() => Promise.resolve("p")).then(v => console.log("cb promise " + v));
Promise.resolve().then(() => "plain").then(v => console.log("cb plain " + v));
