/*---
id: node-esm-immediate-vs-timeout
description: "setTimeout(0) vs setImmediate from an ES module main. Node 20 loads the entry's source with fs/promises readFile (internal/modules/esm/load.js getSource), so the module is evaluated from the poll phase and the check phase comes first. Node 22 loads it with readFileSync (getSourceSync) and evaluates it before the loop starts, so it has the CommonJS race of NODE-10. In a further 100+100 runs: node 20 immediate-first 100/100; node 22 immediate-first 91/100, timeout-first 9/100. The node-esm host allows both: evaluated inside the loop (immediate first) or before it (the NODE-10 race), NODE-4's start choice. Observed (#n = n-th outcome below): node v20.20.2: #1 20/20, #2 0/20; node v22.23.3: #1 20/20, #2 0/20. #2 was seen only in an earlier batch of 20+20 runs of the same program (node v22.23.3 1/20). deno 2.9.6: #1 17/20, #2 3/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. node v24.21.0: 2 distinct outcome(s) in 10 runs (8/10; 2/10), all listed."
rules: [NODE-4, NODE-10]
source: "spec-sources NODE-4"
hosts: [node-esm, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
  deno:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
  bun:
    - log: ["immediate", "timeout"]
      status: completed
---*/
// NODE-4, NODE-10: from an ES module main, Node 20 evaluates the module from inside the loop
// (immediate first); Node 22 before the loop starts (the CommonJS race).
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
