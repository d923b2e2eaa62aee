/*---
id: node-timers-delay-overflow
description: "A delay above 2**31-1 becomes 1 ms (with a TimeoutOverflowWarning on stderr), so it fires before a 30 ms timer created earlier. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 16/20, #2 4/20. deno: the 30 ms timer ran before the overflowed (2**31 -> 1 ms) one 4/20 (re-run 3/10); in 8 timed runs 6/8, the 30 ms timer at 43-161 ms and the overflowed one at 42-197 ms. Time passes while the main module runs (MODEL-7, hence timing: loaded): Deno's Timeout constructor calls process.emitWarning before it starts the timer, and that first call loads Deno's warning machinery: measured 19-78 ms for the first overflowing setTimeout call (0 ms for a second one, 10-54 ms for the first setTimeout call), so the 30 ms timer can be due before the 1 ms one is started. Under the loaded timing the model allows the 30 ms timer first on node and bun too: it needs 29 ms to pass between the two calls, which Node and Bun do not take here (re-run 10/10 each: 0/30 in all). bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-6]
source: "spec-sources NODE-6"
hosts: [node, bun, deno]
timing: loaded
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["2**31 ms", "30 ms"]
      status: completed
    - log: ["30 ms", "2**31 ms"]
      status: completed
  deno:
    - log: ["2**31 ms", "30 ms"]
      status: completed
    - log: ["30 ms", "2**31 ms"]
      status: completed
  bun:
    - log: ["2**31 ms", "30 ms"]
      status: completed
    - log: ["30 ms", "2**31 ms"]
      status: completed
---*/
// NODE-6: a delay above 2**31-1 becomes 1 ms (with a TimeoutOverflowWarning on stderr),
// so it fires before a 30 ms timer created earlier.
setTimeout(() => console.log("30 ms"), 30);
setTimeout(() => console.log("2**31 ms"), 2 ** 31);
