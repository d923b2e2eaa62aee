/*---
id: es10-implicit-undefined
description: "An async function with no return fulfils with undefined: cb at t1 (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-10]
source: "spec-sources ES-10 (normal completion)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["body", "t1", "cb undefined", "t2", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

const f = async () => {
  console.log("body");
};
f().then(v => console.log("cb " + typeof v));
