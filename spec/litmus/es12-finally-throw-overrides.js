/*---
id: es12-finally-throw-overrides
description: "A finally handler that throws (or returns a rejected promise) replaces the outcome with that rejection"
rules: [ES-12]
source: "spec-sources ES-12"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["rejected from finally", "rejected2 from finally 2"]
      status: completed
---*/
Promise.resolve("ok").finally(() => { throw new Error("from finally"); }).then(
  v => console.log("fulfilled " + v),
  e => console.log("rejected " + e.message)
);
Promise.reject(new Error("orig")).finally(() => Promise.reject(new Error("from finally 2"))).catch(e => console.log("rejected2 " + e.message));
