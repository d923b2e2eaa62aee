/*---
id: es12-finally-throw-overrides
description: "A finally handler that throws (or returns a rejected promise) replaces the outcome with that rejection. Observed: deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20."
rules: [ES-12]
source: "spec-sources ES-12"
hosts: [html, deno, bun]
observed: [node v20.20.2, chromium 156.0.8078.79 headless, deno 2.9.6, bun 1.4.5]
outcomes:
  html:
    - log: ["rejected from finally", "rejected2 from finally 2"]
      status: completed
  deno:
    - log: ["rejected from finally", "rejected2 from finally 2"]
      status: completed
  bun:
    - log: ["rejected from finally", "rejected2 from finally 2"]
      status: completed
---*/
Promise.resolve("ok").finally(() => { throw new Error("from finally"); }).then(
  v => console.log("fulfilled " + v),
  e => console.log("rejected " + e.message)
);
Promise.reject(new Error("orig")).finally(() => Promise.reject(new Error("from finally 2"))).catch(e => console.log("rejected2 " + e.message));
