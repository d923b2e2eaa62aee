/*---
id: seed-001-nested-ops
description: "Nested macrotasks and microtasks: op_main, op_2, op_21, op_1, op_211, op_11, op_111"
rules: [HTML-2, HTML-6, HTML-9, ES-3]
source: "seed 001 (nested async operations)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["op_main", "op_2", "op_21", "op_1", "op_211", "op_11", "op_111"]
      status: completed
claims:
  - claim: 'always log == ["op_main", "op_2", "op_21", "op_1", "op_211", "op_11", "op_111"]'
    holds: {html: true}
    why: "seed 001: \"running order: op_main, op2, op21, op1, op211, op11, op111\" (HTML-6 microtasks drain after each task; HTML-10 timer order)"
---*/
//op_main
setTimeout(() => {
  //op_1: macrotask
  setTimeout(() => {
    //op_11: macrotask
    Promise.resolve().then(() => {
      //op_111: microtask
      console.log("op_111");
    });
    console.log("op_11");
  }, 0);
  console.log("op_1");
}, 0);
Promise.resolve().then(() => {
  //op_2: microtask
  Promise.resolve().then(() => {
    //op_21: microtask
    setTimeout(() => {
      //op_211: macrotask
      console.log("op_211");
    }, 0);
    console.log("op_21");
  });
  console.log("op_2");
});
console.log("op_main");
