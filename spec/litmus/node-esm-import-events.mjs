/*---
id: node-esm-import-events
description: "NODE-4: `import EventEmitter from \"events\"` binds the builtin's module.exports (the EventEmitter constructor) and `import { EventEmitter }` the property of that name, the same function; emit is synchronous, the listeners' promise jobs run after the module body in the order they were queued, the job that emits first. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20; node v24.9.0: 20/20. deno 2.9.6: 20/20. bun 1.4.5: 20/20."
rules: [NODE-4, NODE-14]
source: "spec-sources NODE-4; Node lib/internal/modules/esm/translators.js (builtin modules); Node docs events.md"
hosts: [node-esm, deno, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6, bun 1.4.5]
outcomes:
  node-esm:
    - log: ["listener 1", "same true", "sync end", "listener 2", "promise in listener 1", "promise in listener 2"]
      status: completed
  deno:
    - log: ["listener 1", "same true", "sync end", "listener 2", "promise in listener 1", "promise in listener 2"]
      status: completed
  bun:
    - log: ["listener 1", "same true", "sync end", "listener 2", "promise in listener 1", "promise in listener 2"]
      status: completed
---*/
// NODE-4: `import EventEmitter from "events"` binds the module's module.exports (the
// EventEmitter constructor) and `import { EventEmitter }` its property of that name, the
// same function. emit is synchronous: listeners run inside it, their promise jobs after the
// module body, in the order they were queued.
import EventEmitter from "events";
import { EventEmitter as EE } from "node:events";
const e = new EE();
e.on("x", (v) => {
  console.log("listener " + v);
  Promise.resolve().then(() => console.log("promise in listener " + v));
});
Promise.resolve().then(() => e.emit("x", 2));
e.emit("x", 1);
console.log("same " + (EE === EventEmitter));
console.log("sync end");
