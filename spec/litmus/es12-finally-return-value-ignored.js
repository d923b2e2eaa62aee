/*---
id: es12-finally-return-value-ignored
description: "A finally handler's return value is ignored; the original value passes through. Observed: deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20."
rules: [ES-12]
source: "spec-sources ES-12 (valueThunk)"
hosts: [html, deno, bun]
observed: [node v20.20.2, chromium 156.0.8078.79 headless, deno 2.9.6, bun 1.4.5]
outcomes:
  html:
    - log: ["value original", "value2 original"]
      status: completed
  deno:
    - log: ["value original", "value2 original"]
      status: completed
  bun:
    - log: ["value original", "value2 original"]
      status: completed
---*/
Promise.resolve("original").finally(() => "replacement").then(v => console.log("value " + v));
Promise.resolve("original").finally(() => Promise.resolve("p")).then(v => console.log("value2 " + v));
