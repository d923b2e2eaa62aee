/*---
id: node-rejection-caught-in-nexttick
description: "A catch attached in a nextTick callback of the same drain suppresses 'unhandledRejection'. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["sync end", "caught x", "timeout"]
      status: completed
---*/
// NODE-11: a catch attached in a nextTick callback of the same drain suppresses the
// unhandled-rejection event.
const p = Promise.reject(new Error("x"));
process.nextTick(() => {
  p.catch(e => console.log("caught " + e.message));
});
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
