/*---
id: node-unhandled-rejection-to-uncaught-exception
description: "With an 'uncaughtException' listener and no 'unhandledRejection' listener, the rejection goes to 'uncaughtException' with origin 'unhandledRejection' and the process goes on. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-11]
source: "Node docs cli.md --unhandled-rejections (throw)"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["sync end", "uncaughtException x (unhandledRejection)", "timeout"]
      status: completed
---*/
// NODE-11: with an 'uncaughtException' listener but no 'unhandledRejection' listener, the
// unhandled rejection is delivered to 'uncaughtException' with origin 'unhandledRejection',
// and the process goes on.
process.on("uncaughtException", (err, origin) => console.log("uncaughtException " + err.message + " (" + origin + ")"));
Promise.reject(new Error("x"));
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
