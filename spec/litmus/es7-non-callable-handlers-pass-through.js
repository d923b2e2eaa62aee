/*---
id: es7-non-callable-handlers-pass-through
description: "Non-callable then() arguments pass values and reasons through, each hop costing one tick (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-3, ES-7]
source: "spec-sources ES-7 step 1.d"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "t3", "cb reason why", "t4", "cb value val", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.resolve("val").then(null).then(undefined, 5).then("str").then(v => console.log("cb value " + v));
Promise.reject(new Error("why")).then(v => console.log("never")).then(null, null).catch(e => console.log("cb reason " + e.message));
