/*---
id: deno-randombytes-callback-is-a-tick
description: "`crypto.randomBytes(size, callback)` on Node and Bun is a thread-pool request (UV-6) whose callback comes from a later phase, after the timer callback's ticks and promise jobs. Deno makes the bytes at once and queues the callback with process.nextTick at the call (profile flag random_bytes_callback_as_tick, RT-3): it runs between the nextTick queued before the call and the one queued after, before the promise job. In Deno's ES-module main the same holds (`sync end, promise, tick before, randomBytes, tick after, immediate` 8/8). Observed: node v20.20.2, v22.23.3, v24.9.0, deno 2.9.6, bun 1.4.5: 10/10 each."
rules: [RT-3, UV-6, NODE-3]
source: "measured (Deno 2.9.6); Node lib/internal/crypto/random.js randomBytes"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2 (10 runs), node v22.23.3 (10 runs), node v24.9.0 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node-esm:
    - log: ["timeout", "tick before", "tick after", "promise", "randomBytes 4"]
      status: completed
  deno:
    - log: ["timeout", "tick before", "randomBytes 4", "tick after", "promise"]
      status: completed
  bun:
    - log: ["timeout", "tick before", "tick after", "promise", "randomBytes 4"]
      status: completed
---*/
// Deno: randomBytes' callback is a nextTick queued at the call.
import { randomBytes } from "node:crypto";
setTimeout(() => {
  console.log("timeout");
  process.nextTick(() => console.log("tick before"));
  randomBytes(4, (err, buf) => console.log("randomBytes " + buf.length));
  Promise.resolve().then(() => console.log("promise"));
  process.nextTick(() => console.log("tick after"));
}, 0);
