/*---
id: node-timer-set-in-timers-pass-runs-in-it
description: "Found by `evloop fuzz --cases 300 --seed 7 --runs 2 --delays 0` (node 20; proptest could not shrink it: the disagreement shows in 11/30 runs). L4, a 1 ms timer set in a promise reaction (L3) of the first timer's callback, runs before L5, an immediate the main script queued, i.e. in the same pass over the timers as the timer that set it (after L13..L18), although the model (and Node's listOnTimeout, which compares with the pass's start time) lets a timer set during a pass run only in a later one. Node v20.20.2: the first log below 11/30, the model's first outcome 19/30. Hand-made smaller variants (a timer setting a timer from a promise job, with a second 1 ms timer and an immediate, with or without a 3 ms busy wait in the second timer) did not reproduce it (0/50). Unexplained: needs investigation."
rules: [NODE-10]
source: "evloop fuzz (differential testing)"
hosts: [node]
observed: [node v20.20.2]
outcomes:
  node:
    - log: ["L20", "L1", "L3", "L13", "L14", "L15", "L16", "L17", "L18", "L4", "L5", "L8", "L9", "L10", "L11", "L19"]
      status: completed
model:
  node:
    - log: ["L20", "L1", "L3", "L13", "L14", "L15", "L16", "L17", "L18", "L5", "L8", "L9", "L10", "L11", "L4", "L19"]
      status: completed
    - log: ["L20", "L1", "L3", "L5", "L8", "L9", "L10", "L11", "L13", "L14", "L15", "L16", "L17", "L18", "L4", "L19"]
      status: completed
    - log: ["L20", "L5", "L8", "L9", "L10", "L11", "L1", "L3", "L13", "L14", "L15", "L16", "L17", "L18", "L4", "L19"]
      status: completed
---*/
Promise.any([new Promise((r) => setTimeout(() => { console.log("L1"); r(1); }, 0))])
  .then(() => {
    console.log("L3");
    setTimeout(() => {
      console.log("L4");
    }, 0);
  }, () => { console.log("L2"); });
setImmediate(() => {
  console.log("L5");
  Promise.reject(new Error("r"))
    .then(() => {
      console.log("L6");
      process.nextTick(() => {
        console.log("L7");
      });
    })
    .catch(() => {
      console.log("L8");
      Promise.race([{ then(r) { console.log("L9"); r(2); } }, Promise.reject(new Error("r")), { then(r) { console.log("L10"); r(2); } }])
        .then(() => {
          console.log("L12");
        }, () => { console.log("L11"); });
    })
    ;
});
setTimeout(() => {
  console.log("L13");
  (async () => {
    console.log("L14");
    await Promise.resolve(1);
    console.log("L15");
    await Promise.resolve(1);
    console.log("L16");
    try { await Promise.reject(new Error("a")); } catch (e) { console.log("L17"); }
    console.log("L18");
    setTimeout(() => {
      console.log("L19");
    }, 0);
  })();
}, 0);
queueMicrotask(() => {
  console.log("L20");
});
