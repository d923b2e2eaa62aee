/*---
id: node-crypto-randomfill-same-buffer
description: "crypto.randomFill(buf, offset, size, cb) is one thread-pool job (UV-6: a RandomBytesJob writing into buf) called back from the poll phase with the same Buffer; a zero size (here offset 16 of 16) calls back synchronously, before randomFill returns; randomFillSync fills and returns buf. The callback's nextTick runs before the check phase's immediate (NODE-2). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20; node v24.9.0: 20/20; bun 1.4.5: 20/20. Deno 2.9.6 (a .cjs copy; not checked, the litmus loader reads no .cjs main): 11/20 this outcome, 9/20 the randomFill callback before the main module's promise job (as in node-crypto-randombytes-vs-immediate, see runtimes.md, open discrepancies)."
rules: [UV-6, NODE-2, NODE-3]
source: "spec-sources UV-6; Node lib/internal/crypto/random.js (randomFill, randomFillSync, RandomBytesJob)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["sync true", "randomFill size 0 null true", "sync end", "tick", "promise", "randomFill null true 16", "tick in callback", "immediate"]
      status: completed
  bun:
    - log: ["sync true", "randomFill size 0 null true", "sync end", "tick", "promise", "randomFill null true 16", "tick in callback", "immediate"]
      status: completed
---*/
// UV-6: randomFill is one RandomBytesJob on the thread pool, called back from the poll
// phase with the same Buffer (filled: the model's bytes are zeros); a zero size instead
// calls back synchronously (lib/internal/crypto/random.js). The callback's tick runs right
// after it (NODE-2), before the check phase's immediate.
const crypto = require("crypto");
const buf = crypto.randomBytes(16);
console.log("sync " + (crypto.randomFillSync(buf, 0, 4) === buf));
crypto.randomFill(buf, 4, 8, (err, b) => {
  console.log("randomFill " + err + " " + (b === buf) + " " + b.length);
  setImmediate(() => console.log("immediate"));
  process.nextTick(() => console.log("tick in callback"));
});
crypto.randomFill(buf, 16, (err, b) => console.log("randomFill size 0 " + err + " " + (b === buf)));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync end");
