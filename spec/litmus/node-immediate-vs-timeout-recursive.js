/*---
id: node-immediate-vs-timeout-recursive
description: "A chain of immediates, each queued by the previous one, leaves the timers phase a turn between links, so a 0 ms timeout cannot be starved. Its place is the main-module race of NODE-10 plus how many iterations fit before 1 ms has passed: after immediate 2 or 3 was not observed but needs only iterations faster than 1 ms. Observed (#n = n-th outcome below): node v20.20.2: #1 18/20, #2 2/20, #3 0/20, #4 0/20; node v22.23.3: #1 20/20, #2 0/20, #3 0/20, #4 0/20. #3, #4 not observed (see above why they are listed)."
rules: [NODE-9, NODE-10, NODE-1]
source: "spec-sources NODE-9, NODE-10"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
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
