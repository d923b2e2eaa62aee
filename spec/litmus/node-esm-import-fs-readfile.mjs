/*---
id: node-esm-import-fs-readfile
description: "NODE-4: `import { readFile } from \"fs\"` is callable from the module's first statement; the imports queue no job, so the module's promise job runs before its nextTick callback (NODE-4), the readFile callback (UV-6, ENOENT: one failed open) comes from the poll phase, and from there the immediate runs before the 0 ms timer (NODE-10). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20; node v24.9.0: 20/20. bun 1.4.5: 20/20, re-run 10/10 (spec 0.3.0) the same as the bun host's one outcome: an import of `fs` or `crypto` (not of process, events, timers, dns, fs/promises) makes Bun run the main module's promise jobs before its nextTick callbacks, as Node does (profile flag esm_fs_import_restores_promise_order, bun-esm-import-fs-promise-order), and the timer set in the callback is not found due before the immediate (a timer started since the loop's last clock read, ms_boundary_in_step). deno 2.9.6 (40 runs): '… promise, nextTick, readFile ENOENT, promise in callback, nextTick in callback, immediate, timeout' 31/40, '… promise, readFile ENOENT, promise in callback, nextTick, nextTick in callback, immediate, timeout' 8/40 and '… promise, readFile ENOENT, promise in callback, timeout, nextTick, nextTick in callback, immediate' 1/40: the op may complete at the call (an eager op, profile flag eager_ops, RT-3), and the fs wrapper's callback then runs one promise job later, after the module's promise job but before its nextTick, which on Deno waits for the first timers phase (esm_ticks_after_first_timers): there the callback's 0 ms timer may already be due."
rules: [NODE-4, NODE-5, NODE-10, UV-6]
source: "spec-sources NODE-4; Node docs fs.readFile; Node lib/internal/modules/esm/translators.js (builtin modules)"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync", "typeof function function", "promise", "nextTick", "readFile ENOENT", "nextTick in callback", "promise in callback", "immediate", "timeout"]
      status: completed
  deno:
    - log: ["sync", "typeof function function", "promise", "nextTick", "readFile ENOENT", "promise in callback", "nextTick in callback", "immediate", "timeout"]
      status: completed
    - log: ["sync", "typeof function function", "promise", "readFile ENOENT", "promise in callback", "nextTick", "nextTick in callback", "immediate", "timeout"]
      status: completed
    - log: ["sync", "typeof function function", "promise", "readFile ENOENT", "promise in callback", "timeout", "nextTick", "nextTick in callback", "immediate"]
      status: completed
  bun:
    - log: ["sync", "typeof function function", "promise", "nextTick", "readFile ENOENT", "nextTick in callback", "promise in callback", "immediate", "timeout"]
      status: completed
---*/
// NODE-4: imports are linked before the module body runs: `readFile` is callable from the
// first statement, and the imports queue no job, so the module's promise job still runs
// before its nextTick (NODE-4) and the readFile callback (UV-6) comes in a later phase; in
// the callback (poll phase) the immediate comes before the 0 ms timer (NODE-10).
console.log("sync");
readFile("/nonexistent/evloop-missing.txt", (err) => {
  console.log("readFile " + err.code);
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  process.nextTick(() => console.log("nextTick in callback"));
  Promise.resolve().then(() => console.log("promise in callback"));
});
import { readFile } from "fs";
import * as fs from "node:fs";
import { promises as fsp } from "node:fs";
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
console.log("typeof " + typeof fs.stat + " " + typeof fsp.readFile);
