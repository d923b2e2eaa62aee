/*---
id: es11-allsettled-settled-inputs
description: "Promise.allSettled with one fulfilled and one rejected input: cb at t2 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-11]
source: "spec-sources ES-11"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2", "cb 2", "fulfilled 1", "rejected e", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

Promise.allSettled([Promise.resolve(1), Promise.reject(new Error("e"))]).then(rs => {
  console.log("cb " + rs.length);
  console.log(rs[0].status + " " + rs[0].value);
  console.log(rs[1].status + " " + rs[1].reason.message);
});
