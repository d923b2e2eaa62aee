/*---
id: node-esm-import-process-nexttick
description: "NODE-4: import bindings are initialised before the module's first statement, wherever the declarations stand (nextTick is called two lines before its import), and linking builtin modules queues no job: the promise jobs run before the nextTick callback exactly as in node-esm-nexttick-after-promise, which has no imports. `timers` exports the global timer functions; `process.nextTick` is the imported nextTick. Bun runs the main module's ticks first (RT-1, as without imports); Deno may run the 0 ms timer before the module's nextTick callback (the deno host's tick/timer race, as in the program without imports). Observed (#n = n-th outcome of the host): node v20.20.2: 20/20; node v22.23.3: 20/20; node v24.9.0: 20/20. deno 2.9.6: #1 13/20, #2 7/20. bun 1.4.5: 20/20."
rules: [NODE-4, NODE-5]
source: "spec-sources NODE-4; ECMA-262 InitializeEnvironment (Cyclic Module Records); Node docs esm.md 'Builtin modules'"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["sync true true", "promise 1", "microtask 2", "nextTick", "timeout"]
      status: completed
  deno:
    - log: ["sync true true", "promise 1", "microtask 2", "nextTick", "timeout"]
      status: completed
    - log: ["sync true true", "promise 1", "microtask 2", "timeout", "nextTick"]
      status: completed
  bun:
    - log: ["sync true true", "nextTick", "promise 1", "microtask 2", "timeout"]
      status: completed
---*/
// NODE-4: import bindings are initialised before the first statement, wherever the
// declarations stand, and linking the builtins queues nothing: the module's promise jobs
// run before its nextTick callbacks exactly as without imports (node-esm-nexttick-after-
// promise), then the 0 ms timer.
Promise.resolve().then(() => console.log("promise 1"));
nextTick(() => console.log("nextTick"));
import { nextTick } from "node:process";
import process from "process";
import timers from "node:timers";
import { setTimeout as st } from "timers";
queueMicrotask(() => console.log("microtask 2"));
st(() => console.log("timeout"), 0);
console.log("sync " + (process.nextTick === nextTick) + " " + (timers.setTimeout === st));
