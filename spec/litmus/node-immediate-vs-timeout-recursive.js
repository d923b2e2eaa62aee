/*---
id: node-immediate-vs-timeout-recursive
description: "A chain of immediates, each queued by the previous one, leaves the timers phase a turn between links, so a 0 ms timeout cannot be starved. Its place is the main-module race of NODE-10 plus how many iterations fit before 1 ms has passed: after immediate 2 or 3 was not observed but needs only iterations faster than 1 ms. Observed (#n = n-th outcome below): node v20.20.2: #1 18/20, #2 2/20, #3 0/20, #4 0/20; node v22.23.3: #1 20/20, #2 0/20, #3 0/20, #4 0/20. #3, #4 not observed (see above why they are listed). deno 2.9.6 (the .js main runs as an ES module): in the first batch after immediate 3 14/20, after immediate 1 6/20. deno: the deno host treats the first timers pass as a race (NODE-10) and allows all four orders, node's set. Which one Deno gives is timing: its first setTimeout call loads the Node timers layer (22-52 ms measured) before the timer starts, and here nothing runs after it, so the 1 ms timer is rarely due at the first timers pass; the re-run after the first batch gave 8 after immediate 3 and 2 after immediate 1, a second re-run 7 after immediate 3, 2 after immediate 1 and 1 timeout first (10 runs); with a 1.5 ms busy-wait after the setTimeout call the timeout came first 10/10. Between immediates 2 and 3 was not observed but needs only the timer to come due during the second turn, as on node. bun 1.4.5: #1 14/20, #2 6/20, #3 0/20. The last outcome (timeout between immediate 2 and 3) was not observed; it needs the timer to be due only after the second loop turn, which the model allows by its clock choice (MODEL-3). node v24.21.0: 2 distinct outcome(s) in 10 runs (8/10; 2/10), all listed."
rules: [NODE-9, NODE-10, NODE-1]
source: "spec-sources NODE-9, NODE-10"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["immediate 1", "timeout", "immediate 2", "immediate 3"]
      status: completed
    - log: ["timeout", "immediate 1", "immediate 2", "immediate 3"]
      status: completed
    - log: ["immediate 1", "immediate 2", "timeout", "immediate 3"]
      status: completed
    - log: ["immediate 1", "immediate 2", "immediate 3", "timeout"]
      status: completed
  deno:
    - log: ["immediate 1", "immediate 2", "immediate 3", "timeout"]
      status: completed
    - log: ["immediate 1", "timeout", "immediate 2", "immediate 3"]
      status: completed
    - log: ["timeout", "immediate 1", "immediate 2", "immediate 3"]
      status: completed
    - log: ["immediate 1", "immediate 2", "timeout", "immediate 3"]
      status: completed
  bun:
    - log: ["immediate 1", "immediate 2", "immediate 3", "timeout"]
      status: completed
    - log: ["immediate 1", "timeout", "immediate 2", "immediate 3"]
      status: completed
    - log: ["immediate 1", "immediate 2", "timeout", "immediate 3"]
      status: completed
---*/
// NODE-9, NODE-1: a chain of immediates, each queued from the previous one, gives the timers
// phase a turn between links: a 0 ms timeout runs before the chain ends.
let n = 0;
function link() {
  n = n + 1;
  console.log("immediate " + n);
  if (n < 3) setImmediate(link);
}
setImmediate(link);
setTimeout(() => console.log("timeout"), 0);
