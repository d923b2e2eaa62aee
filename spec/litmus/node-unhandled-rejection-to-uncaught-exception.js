/*---
id: node-unhandled-rejection-to-uncaught-exception
description: "With an 'uncaughtException' listener and no 'unhandledRejection' listener, the rejection goes to 'uncaughtException' with origin 'unhandledRejection' and the process goes on. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): #1 10/20, #2 10/20. deno: whether the 1 ms timer is due at Deno's first timers phase is a race (as NODE-10 in a CommonJS main), which the deno host models by its clock choice at that pass. bun 1.4.5: 20/20. bun: with an 'uncaughtException' listener and no 'unhandledRejection' listener, Bun does not deliver the rejection to 'uncaughtException': it prints the error and exits with code 1 before the timer (re-run 10/10; rejection_bypasses_uncaught_exception and the rejection check after the main module, rejections_checked_per_turn, RT-1). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-11]
source: "Node docs cli.md --unhandled-rejections (throw)"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "uncaughtException x (unhandledRejection)", "timeout"]
      status: completed
  deno:
    - log: ["sync end", "timeout", "uncaughtException x (unhandledRejection)"]
      status: completed
    - log: ["sync end", "uncaughtException x (unhandledRejection)", "timeout"]
      status: completed
  bun:
    - log: ["sync end"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
// NODE-11: with an 'uncaughtException' listener but no 'unhandledRejection' listener, the
// unhandled rejection is delivered to 'uncaughtException' with origin 'unhandledRejection',
// and the process goes on.
process.on("uncaughtException", (err, origin) => console.log("uncaughtException " + err.message + " (" + origin + ")"));
Promise.reject(new Error("x"));
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
