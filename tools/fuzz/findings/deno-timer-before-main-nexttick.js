/*---
id: deno-timer-before-main-nexttick
description: "Found by `evloop fuzz --runtime deno` (seed 42, shrunk by proptest: fuzz-deno-s42-8). Deno (the .js main runs as an ES module) runs a 2 ms timer before the main module's process.nextTick, 10/10 on deno 2.9.6; the model's deno host allows only L2, L1. This is spec/runtimes.md row 6 (RT-3, `esm_ticks_after_first_timers`, litmus TODO) reproduced with no promise jobs at all and 10/10 rather than 5/10. Node (CommonJS main): L2, L1."
rules: [NODE-4]
source: "evloop fuzz (differential testing)"
hosts: [deno]
observed: [deno 2.9.6]
outcomes:
  deno:
    - log: ["L1", "L2"]
      status: completed
model:
  deno:
    - log: ["L2", "L1"]
      status: completed
---*/
setTimeout(() => {
  console.log("L1");
}, 2);
process.nextTick(() => {
  console.log("L2");
});
