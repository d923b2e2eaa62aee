/*---
id: node-timers-delay-string-fraction
description: "The delay is coerced with *1 and truncated: '1.9' and 1.9 are 1 ms and share the 1 ms list with a delay-1 timer created after them. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-6, NODE-7]
source: "spec-sources NODE-6"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["delay '1.9'", "delay 1.9", "delay 1", "delay 20"]
      status: completed
  deno:
    - log: ["delay '1.9'", "delay 1.9", "delay 1", "delay 20"]
      status: completed
  bun:
    - log: ["delay '1.9'", "delay 1.9", "delay 1", "delay 20"]
      status: completed
---*/
// NODE-6: the delay is coerced with `*1` and truncated: "1.9" and 1.9 are 1 ms, so these
// timers share the 1 ms list with a delay-1 timer created after them (creation order).
setTimeout(() => console.log("delay '1.9'"), "1.9");
setTimeout(() => console.log("delay 1.9"), 1.9);
setTimeout(() => console.log("delay 1"), 1);
setTimeout(() => console.log("delay 20"), 20);
