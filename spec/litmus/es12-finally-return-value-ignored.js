/*---
id: es12-finally-return-value-ignored
description: "A finally handler's return value is ignored; the original value passes through"
rules: [ES-12]
source: "spec-sources ES-12 (valueThunk)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["value original", "value2 original"]
      status: completed
---*/
Promise.resolve("original").finally(() => "replacement").then(v => console.log("value " + v));
Promise.resolve("original").finally(() => Promise.resolve("p")).then(v => console.log("value2 " + v));
