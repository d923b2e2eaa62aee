/*---
id: bun-esm-import-fs-promise-order
description: "Bun runs an ES-module main's nextTicks before its promise jobs (RT-1, rt1-bun-esm-ticks-before-promises), unless the module imports `fs` or `crypto`: then it runs the promise job first, as Node and Deno do (profile flag esm_fs_import_restores_promise_order). The same program importing `node:events` instead printed `sync function, nextTick, promise` on Bun 10/10 (`promise, nextTick` on Node 20/22/24 and Deno, 10/10 each); the helper's measurements for node-esm-import-fs-readfile found the same for `crypto` (fs and crypto change the order; events, process, timers, dns, fs/promises do not). Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6, bun 1.4.5: 10/10 each."
rules: [RT-1, NODE-4, NODE-3]
source: "measured (Bun 1.4.5); spec-sources RT-1"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
    - log: ["sync function", "promise", "nextTick"]
      status: completed
  deno:
    - log: ["sync function", "promise", "nextTick"]
      status: completed
  bun:
    - log: ["sync function", "promise", "nextTick"]
      status: completed
---*/
// Bun: importing `fs` gives an ES-module main Node's order (promise jobs before nextTicks).
import fs from "node:fs";
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync " + typeof fs.readFile);
