/*---
id: deno-timer-globals-first-read-runs-microtasks
description: "Deno loads its timer globals (setTimeout, setInterval, setImmediate and their clear functions, as one group) lazily, like `process` (deno-process-first-read-runs-microtasks): the first read of one of them outside the main module's evaluation, here `setTimeout` in the main module's nextTick callback, runs a microtask checkpoint before it returns, so job 1 runs before `after first read`; job 2, queued after it, runs after the callback. The read of `clearTimeout` in the timer callback is not a first read of the group: no checkpoint. Reading one of them in the main module loads the group (a main module that calls setTimeout or setImmediate gives Node's order; measured with variants, 1 run each, 2026-11-22: even reading `setInterval` without calling it runs the checkpoint). Node and Bun define them eagerly. Found by `evloop fuzz` (deno, seed 42: programs whose first statement is a nextTick). Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6 (the .js main runs as an ES module), bun 1.4.5: 10/10 each."
rules: [RT-3, NODE-3]
source: "spec-sources RT-3 (Deno's Node compatibility layer); measured"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["main", "tick", "after first read", "job 1", "job 2", "timeout", "after second read", "timeout job"]
      status: completed
  deno:
    - log: ["main", "tick", "job 1", "after first read", "job 2", "timeout", "after second read", "timeout job"]
      status: completed
  bun:
    - log: ["main", "tick", "after first read", "job 1", "job 2", "timeout", "after second read", "timeout job"]
      status: completed
---*/
// Deno: the first read of a timer global, in a nextTick callback, runs the microtasks queued
// before it.
process.nextTick(() => {
  console.log("tick");
  queueMicrotask(() => console.log("job 1"));
  const set = setTimeout;
  console.log("after first read");
  queueMicrotask(() => console.log("job 2"));
  set(() => {
    console.log("timeout");
    queueMicrotask(() => console.log("timeout job"));
    const clear = clearTimeout;
    console.log("after second read");
    clear(undefined);
  }, 0);
});
console.log("main");
