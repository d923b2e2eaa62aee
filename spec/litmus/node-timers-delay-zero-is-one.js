/*---
id: node-timers-delay-zero-is-one
description: "Delays 0, -1, NaN, undefined and a missing delay all become 1 ms: these timers join the 1 ms list behind a delay-1 timer created before them, in creation order. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-6, NODE-7]
source: "spec-sources NODE-6"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["delay 1", "delay 0", "delay -1", "delay NaN", "delay undefined", "no delay"]
      status: completed
  deno:
    - log: ["delay 1", "delay 0", "delay -1", "delay NaN", "delay undefined", "no delay"]
      status: completed
  bun:
    - log: ["delay 1", "delay 0", "delay -1", "delay NaN", "delay undefined", "no delay"]
      status: completed
---*/
// NODE-6: delays 0, -1, NaN, undefined and a missing delay all become 1 ms, so these timers
// join the 1 ms list behind a timer created with delay 1, in creation order.
setTimeout(() => console.log("delay 1"), 1);
setTimeout(() => console.log("delay 0"), 0);
setTimeout(() => console.log("delay -1"), -1);
setTimeout(() => console.log("delay NaN"), NaN);
setTimeout(() => console.log("delay undefined"), undefined);
setTimeout(() => console.log("no delay"));
