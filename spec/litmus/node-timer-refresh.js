/*---
id: node-timer-refresh
description: "Timeout.refresh() restarts the timer from now: the 100 ms timer refreshed at 50 ms fires after the 125 ms one. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-7]
source: "Node docs timeout.refresh()"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["refresh", "125 ms timer", "100 ms timer (refreshed at 50 ms)"]
      status: completed
  deno:
    - log: ["refresh", "125 ms timer", "100 ms timer (refreshed at 50 ms)"]
      status: completed
  bun:
    - log: ["refresh", "125 ms timer", "100 ms timer (refreshed at 50 ms)"]
      status: completed
---*/
// Timeout.refresh() restarts the timer from now: the 100 ms timer refreshed at 50 ms fires
// at about 150 ms, after the 125 ms one.
const t = setTimeout(() => console.log("100 ms timer (refreshed at 50 ms)"), 100);
setTimeout(() => {
  console.log("refresh");
  t.refresh();
}, 50);
setTimeout(() => console.log("125 ms timer"), 125);
