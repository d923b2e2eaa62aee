/*---
id: node-exit-event
description: "'exit' is emitted when the loop is empty; timers and nextTicks queued in the listener never run (process._exiting drops ticks), but the promise job does: Node emits 'exit' through a callback scope (EmitProcessExitInternal), whose close apparently runs a microtask checkpoint. The model runs the promise job after the 'exit' listeners (node_before_exit). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. deno 2.9.6 (the .js main runs as an ES module): 20/20. deno: a promise job queued by the 'exit' listener never runs (no_microtasks_after_exit_event, RT-3; re-run 10/10). bun 1.4.5: 20/20. bun: the same (no_microtasks_after_exit_event, RT-1; re-run 10/10). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-1, NODE-12]
source: "Node docs process 'exit'"
hosts: [node, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "timeout", "exit 0", "promise in exit"]
      status: completed
  deno:
    - log: ["sync end", "timeout", "exit 0"]
      status: completed
  bun:
    - log: ["sync end", "timeout", "exit 0"]
      status: completed
---*/
// 'exit' is emitted once the loop is empty; a timer or tick scheduled inside the listener
// never runs, but a promise job does.
process.on("exit", code => {
  console.log("exit " + code);
  setTimeout(() => console.log("timeout in exit (never)"), 0);
  process.nextTick(() => console.log("tick in exit (never)"));
  Promise.resolve().then(() => console.log("promise in exit"));
});
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
