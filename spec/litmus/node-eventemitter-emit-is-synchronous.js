/*---
id: node-eventemitter-emit-is-synchronous
description: "NODE-14: emit calls the listeners synchronously in registration order (a once listener is removed before its call); nothing is queued, so a listener's microtask runs after the code that called emit; emit('error') with no listener throws. Observed: node v20.20.2 10/10, bun 1.4.5 10/10 (and 20/20 in a second batch). node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-14, NODE-3]
source: "spec NODE-14; node lib/events.js EventEmitter.prototype.emit"
hosts: [node, bun]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (10 runs), node v24.21.0]
outcomes:
  node:
    - log: ["before emit", "listener 1 got 1", "once listener got 1", "listener 3 got 1", "after emit 1", "listener 1 got 2", "listener 3 got 2", "after emit 2", "emit error threw boom", "microtask from listener 1", "microtask from listener 1"]
      status: completed
  bun:
    - log: ["before emit", "listener 1 got 1", "once listener got 1", "listener 3 got 1", "after emit 1", "listener 1 got 2", "listener 3 got 2", "after emit 2", "emit error threw boom", "microtask from listener 1", "microtask from listener 1"]
      status: completed
---*/
const EventEmitter = require("events");
const e = new EventEmitter();
e.on("ping", function (n) {
  console.log("listener 1 got " + n);
  Promise.resolve().then(() => console.log("microtask from listener 1"));
});
e.once("ping", (n) => console.log("once listener got " + n));
e.on("ping", (n) => console.log("listener 3 got " + n));
console.log("before emit");
e.emit("ping", 1);
console.log("after emit 1");
e.emit("ping", 2);
console.log("after emit 2");
try {
  e.emit("error", new Error("boom"));
} catch (err) {
  console.log("emit error threw " + err.message);
}
