/*---
id: node-crypto-pbkdf2-vs-immediate
description: "A one-iteration crypto.pbkdf2 job (UV-6) against an immediate queued by the main module, after the main module's nextTick and promise job. In Node the job usually completes before the first poll phase, which runs before the check phase; a slower worker lets the immediate run first. Bun runs completed thread-pool work before the turn's immediates (its vm.tick() drains the concurrent task queue before autoTick), so there too the callback usually comes first: the completions_before_immediates flag (RT-1). Observed in two batches of 20 runs (pbkdf2 first, immediate first): node v20.20.2 40/40, 0/40; node v22.23.3 39/40, 1/40; node v24.9.0 37/40, 3/40; bun 1.4.5 35/40, 5/40. Deno 2.9.6 (a .cjs copy; not checked, the litmus loader reads no .cjs main): 22/40 'sync end, tick, pbkdf2 null 32, promise, immediate' and 18/40 'sync end, tick, promise, immediate, pbkdf2 null 32': Deno's crypto op settles a promise, and most runs its callback runs before the main module's own promise job, which the model does not allow (see runtimes.md, open discrepancies)."
rules: [UV-6, NODE-1, RT-1]
source: "spec-sources UV-6; oven-sh/bun src/bun.js/event_loop.zig (tick, autoTick)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["sync end", "tick", "promise", "pbkdf2 null 32", "immediate"]
      status: completed
    - log: ["sync end", "tick", "promise", "immediate", "pbkdf2 null 32"]
      status: completed
  bun:
    - log: ["sync end", "tick", "promise", "pbkdf2 null 32", "immediate"]
      status: completed
    - log: ["sync end", "tick", "promise", "immediate", "pbkdf2 null 32"]
      status: completed
  deno:
    - log: ["sync end", "tick", "pbkdf2 null 32", "promise", "immediate"]
      status: completed
    - log: ["sync end", "tick", "promise", "immediate", "pbkdf2 null 32"]
      status: completed
---*/
// UV-6: the job's callback runs in the poll phase of the first turn if the worker has
// finished by then (usually), otherwise after the check phase's immediate.
const crypto = require("crypto");
crypto.pbkdf2("password", "salt", 1, 32, "sha256", (err, key) => console.log("pbkdf2", err, key.length));
setImmediate(() => console.log("immediate"));
process.nextTick(() => console.log("tick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync end");
