/*---
id: bun-nested-immediate-after-timers
description: "RT-1: after a 5 ms busy-wait in the main module the 0 ms timeout is due. Node (and Deno) run it at the first timers pass, before the check phase. Bun's turn starts with the immediates queued before it (A), then polls, then runs due timers, so the timeout runs after A, and B, queued by A, waits for the next turn: a nested immediate runs after the next round's timers. Observed: node v20.20.2: 20/20; deno 2.9.6 (the .js main runs as an ES module): 20/20; bun 1.4.5: 20/20."
rules: [RT-1, NODE-9, NODE-10, UV-1]
source: "spec-sources RT-1 ('A nested immediate runs after the next round's timers'), NODE-10"
hosts: [node, deno, bun]
observed: [node v20.20.2, deno 2.9.6, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "timeout", "immediate A", "immediate B (queued by A)"]
      status: completed
  deno:
    - log: ["sync end", "timeout", "immediate A", "immediate B (queued by A)"]
      status: completed
  bun:
    - log: ["sync end", "immediate A", "timeout", "immediate B (queued by A)"]
      status: completed
---*/
// RT-1: Bun runs the immediates queued before a turn first, then due timers; an immediate
// queued by an immediate waits for the next turn, so it comes after the timeout.
setImmediate(() => {
  console.log("immediate A");
  setImmediate(() => console.log("immediate B (queued by A)"));
});
setTimeout(() => console.log("timeout"), 0);
const start = Date.now();
while (Date.now() - start < 5) {}
console.log("sync end");
