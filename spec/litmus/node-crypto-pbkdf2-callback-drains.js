/*---
id: node-crypto-pbkdf2-callback-drains
description: "crypto.pbkdf2 is one thread-pool request (UV-6): its callback runs in the poll phase, after the main module's nextTick and promise job, and is followed by its own drain (nextTick, then promise job, NODE-2) before the check phase runs the immediate it queued. Observed 20/20 on node v20.20.2, v22.23.3, v24.9.0 and bun 1.4.5. Deno 2.9.6 (a .cjs copy, since Deno runs a .js main as an ES module without require): 12/20 'sync end, tick, pbkdf2 32, promise, promise in pbkdf2, tick in pbkdf2, immediate from pbkdf2' and 8/20 'sync end, tick, promise, pbkdf2 32, promise in pbkdf2, tick in pbkdf2, immediate from pbkdf2': its callback runs from a promise resolution (promise before tick, the io_callbacks_in_promise_job flag, RT-3), and most runs it runs even before the main module's promise job; Deno is not checked here (the litmus loader reads no .cjs main)."
rules: [UV-6, NODE-2, NODE-3]
source: "spec-sources UV-6; Node lib/internal/crypto/pbkdf2.js (PBKDF2Job, kCryptoJobAsync)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["sync end", "tick", "promise", "pbkdf2 32", "tick in pbkdf2", "promise in pbkdf2", "immediate from pbkdf2"]
      status: completed
  bun:
    - log: ["sync end", "tick", "promise", "pbkdf2 32", "tick in pbkdf2", "promise in pbkdf2", "immediate from pbkdf2"]
      status: completed
  deno:
    - log: ["sync end", "tick", "pbkdf2 32", "promise", "promise in pbkdf2", "tick in pbkdf2", "immediate from pbkdf2"]
      status: completed
    - log: ["sync end", "tick", "promise", "pbkdf2 32", "promise in pbkdf2", "tick in pbkdf2", "immediate from pbkdf2"]
      status: completed
---*/
// UV-6: crypto.pbkdf2 runs on the thread pool; its callback comes back in the poll phase and
// is followed by the nextTick/microtask drain (NODE-2) before the check phase.
const crypto = require("crypto");
crypto.pbkdf2("password", "salt", 1, 32, "sha256", (err, key) => {
  console.log("pbkdf2 " + key.length);
  process.nextTick(() => console.log("tick in pbkdf2"));
  Promise.resolve().then(() => console.log("promise in pbkdf2"));
  setImmediate(() => console.log("immediate from pbkdf2"));
});
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync end");
