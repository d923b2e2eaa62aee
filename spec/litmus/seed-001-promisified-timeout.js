/*---
id: seed-001-promisified-timeout
description: "A setTimeout wrapped in a promise resolves after the timer task, with the extra argument passed to resolve"
rules: [HTML-9, ES-5]
source: "seed 001 (promisified timeout, delay shortened to 10 ms)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync", "got five", "Hello World!"]
      status: completed
claims:
  - claim: 'always "sync" before "Hello World!"'
    holds: {html: true}
    why: "seed 001: promisifying a timer goes through a task and then a microtask in the same turn"
---*/
function timeout(delay, args) {
  return new Promise((res, _) => {
    setTimeout(res, delay, args);
  });
}
timeout(10).then(() => console.log("Hello World!"));
timeout(5, "five").then(v => console.log("got " + v));
console.log("sync");
