/*---
id: rt3-deno-fs-callback-promise-before-tick
description: "RT-3 (spec/runtimes.md row 8, profile flag io_callbacks_in_promise_job): Deno dispatches a `node:fs` callback from a promise resolution, so the promise job the callback queues runs before its nextTick; Node and Bun call it from the poll phase, and the nextTick drain comes first (NODE-2). Checked through an ES module that imports `node:fs` (Deno runs a `.js` main as an ES module, where `require` is not defined). Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6, bun 1.4.5: 10/10 each."
rules: [RT-3, UV-6, NODE-2, NODE-3]
source: "spec-sources RT-3 (ext/node fs callbacks through promises); measured"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
    - log: ["stat ENOENT", "tick", "promise"]
      status: completed
  deno:
    - log: ["stat ENOENT", "promise", "tick"]
      status: completed
  bun:
    - log: ["stat ENOENT", "tick", "promise"]
      status: completed
---*/
// Deno: an fs callback runs from a promise job: its promise job before its nextTick.
import { stat } from "node:fs";
stat("/nonexistent/evloop-missing", (err) => {
  console.log("stat " + err.code);
  process.nextTick(() => console.log("tick"));
  Promise.resolve().then(() => console.log("promise"));
});
