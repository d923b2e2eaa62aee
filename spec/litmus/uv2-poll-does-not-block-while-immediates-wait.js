/*---
id: uv2-poll-does-not-block-while-immediates-wait
description: "UV-2: the poll phase does not block while immediates are queued (Node keeps an idle handle active for them), so an immediate queued by an immediate runs in the next turn's check phase, long before a 200 ms timer; poll blocks only once nothing else is ready. Observed 10/10 on each runtime (a 20 ms timer was overtaken once in 10 runs of Node on a loaded machine, hence 200 ms)."
rules: [UV-2, NODE-9, NODE-1]
source: "libuv src/unix/core.c uv__backend_timeout; spec-sources UV-2, NODE-9"
hosts: [node, deno, bun]
observed: [node v20.20.2 (10 runs), deno 2.9.6 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["immediate 1", "immediate 2", "timeout 200"]
      status: completed
  deno:
    - log: ["immediate 1", "immediate 2", "timeout 200"]
      status: completed
  bun:
    - log: ["immediate 1", "immediate 2", "timeout 200"]
      status: completed
---*/
setTimeout(() => console.log("timeout 200"), 200);
setImmediate(() => {
  console.log("immediate 1");
  setImmediate(() => console.log("immediate 2"));
});
