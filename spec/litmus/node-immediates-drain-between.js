/*---
id: node-immediates-drain-between
description: "Ticks and microtasks drain between individual immediates (runNextTicks in processImmediate). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-2, NODE-9]
source: "spec-sources NODE-2, NODE-9"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["i1", "i1.tick", "i1.promise", "i2", "i2.tick", "i2.promise"]
      status: completed
---*/
// NODE-2, NODE-9: ticks and microtasks drain between individual immediates.
setImmediate(() => {
  console.log("i1");
  Promise.resolve().then(() => console.log("i1.promise"));
  process.nextTick(() => console.log("i1.tick"));
});
setImmediate(() => {
  console.log("i2");
  Promise.resolve().then(() => console.log("i2.promise"));
  process.nextTick(() => console.log("i2.tick"));
});
