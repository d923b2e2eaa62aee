/*---
id: node-rejection-caught-in-timeout-too-late
description: "A catch attached in a setTimeout callback is too late: with no listener the rejection ends the process first. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["sync end"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11: a catch attached in a setTimeout callback is too late: with no listener the
// rejection ends the process first.
const p = Promise.reject(new Error("x"));
setTimeout(() => {
  console.log("timeout attaches catch (never)");
  p.catch(() => console.log("caught"));
}, 0);
console.log("sync end");
