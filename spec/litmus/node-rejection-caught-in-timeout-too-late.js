/*---
id: node-rejection-caught-in-timeout-too-late
description: "A catch attached in a setTimeout callback is too late: with no listener the rejection ends the process first. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 12/20, #2 8/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main; the deno host's clock choice at its first timers pass): when it is not due the rejection is reported after the tick drain and ends the process (uncaught); when it is, the timer attaches the catch first. Re-run: #1 6/10, #2 4/10. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "spec-sources NODE-11"
hosts: [node, bun, deno]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
  deno:
    - log: ["sync end"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
    - log: ["sync end", "timeout attaches catch (never)", "caught"]
      status: completed
      errors: []
  bun:
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
