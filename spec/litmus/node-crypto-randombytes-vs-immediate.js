/*---
id: node-crypto-randombytes-vs-immediate
description: "crypto.randomBytes(n, cb) is one thread-pool job too (UV-6: a RandomBytesJob), so it races the main module's immediate as pbkdf2 does; only the buffer's length is printed, since the bytes are random (the model's are zeros). Bun runs completed work before the turn's immediates (completions_before_immediates, RT-1). Observed in two batches of 20 runs (randomBytes first, immediate first): node v20.20.2 40/40, 0/40; node v22.23.3 39/40, 1/40; node v24.9.0 39/40, 1/40; bun 1.4.5 33/40, 7/40. Deno 2.9.6 (a .cjs copy; not checked, the litmus loader reads no .cjs main): 'sync end, randomBytes null 16, tick, immediate' 40/40, the callback even before the main module's nextTick (see runtimes.md, open discrepancies)."
rules: [UV-6, NODE-1, RT-1]
source: "spec-sources UV-6; Node lib/internal/crypto/random.js (randomBytes, RandomBytesJob)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["sync end", "tick", "randomBytes null 16", "immediate"]
      status: completed
    - log: ["sync end", "tick", "immediate", "randomBytes null 16"]
      status: completed
  bun:
    - log: ["sync end", "tick", "randomBytes null 16", "immediate"]
      status: completed
    - log: ["sync end", "tick", "immediate", "randomBytes null 16"]
      status: completed
  deno:
    - log: ["sync end", "randomBytes null 16", "tick", "immediate"]
      status: completed
---*/
// UV-6: randomBytes with a callback runs on the thread pool; its length is all a program
// can rely on.
const crypto = require("crypto");
crypto.randomBytes(16, (err, buf) => console.log("randomBytes", err, buf.length));
setImmediate(() => console.log("immediate"));
process.nextTick(() => console.log("tick"));
console.log("sync end");
