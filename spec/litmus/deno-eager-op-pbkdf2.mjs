/*---
id: deno-eager-op-pbkdf2
description: "RT-3 (profile flag eager_ops): a one-iteration pbkdf2 is a thread-pool job on Node and Bun (UV-6): its callback comes from a poll phase, before or after the check phase depending on when the worker finishes. On Deno it is an async op that deno_core may complete at its first poll, at the call (an eager op): the callback is then a promise job queued at the call, between the main module's two promise jobs (#1, `eager:1`). Otherwise it completes in a later turn. The deno host's #2 (completed before the first poll phase, as on Node 22/24) was not seen on Deno in 30 runs. Observed (#n = n-th outcome of the host below): node v20.20.2: immediate first 10/10; node v22.23.3: pbkdf2 first 8/10, immediate first 2/10; node v24.9.0: pbkdf2 first 10/10; deno 2.9.6 (30 runs): #1 6/30, #3 24/30; bun 1.4.5: pbkdf2 first 9/10, immediate first 1/10."
rules: [RT-3, UV-6, NODE-4]
source: "measured (Deno 2.9.6); deno_core eager async ops"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (30 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
    - log: ["sync end", "promise 1", "promise 2", "pbkdf2 null 16", "immediate"]
      status: completed
    - log: ["sync end", "promise 1", "promise 2", "immediate", "pbkdf2 null 16"]
      status: completed
  deno:
    - log: ["sync end", "promise 1", "pbkdf2 null 16", "promise 2", "immediate"]
      status: completed
    - log: ["sync end", "promise 1", "promise 2", "pbkdf2 null 16", "immediate"]
      status: completed
    - log: ["sync end", "promise 1", "promise 2", "immediate", "pbkdf2 null 16"]
      status: completed
  bun:
    - log: ["sync end", "promise 1", "promise 2", "pbkdf2 null 16", "immediate"]
      status: completed
    - log: ["sync end", "promise 1", "promise 2", "immediate", "pbkdf2 null 16"]
      status: completed
---*/
// Deno: an async op may complete at the call; its callback is then a promise job.
import { pbkdf2 } from "node:crypto";
Promise.resolve().then(() => console.log("promise 1"));
pbkdf2("pw", "salt", 1, 16, "sha256", (err, key) => console.log("pbkdf2 " + err + " " + key.length));
Promise.resolve().then(() => console.log("promise 2"));
setImmediate(() => console.log("immediate"));
console.log("sync end");
