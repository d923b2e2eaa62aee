/*---
id: es12-finally-waits-for-returned-promise
description: "finally waits for a promise returned by its handler before passing the original value on. Observed: deno 2.9.6 (the .js main runs as an ES module): 20/20. bun 1.4.5: 20/20."
rules: [ES-12, HTML-9]
source: "spec-sources ES-12 (PromiseResolve(C, result) then valueThunk)"
hosts: [html, deno, bun]
observed: [node v20.20.2, chromium 156.0.8078.79 headless, deno 2.9.6, bun 1.4.5]
outcomes:
  html:
    - log: ["micro", "timer in finally", "value original"]
      status: completed
  deno:
    - log: ["micro", "timer in finally", "value original"]
      status: completed
  bun:
    - log: ["micro", "timer in finally", "value original"]
      status: completed
---*/
Promise.resolve("original").finally(() => new Promise(r => setTimeout(() => { console.log("timer in finally"); r("ignored"); }, 10))).then(v => console.log("value " + v));
Promise.resolve().then(() => console.log("micro"));
