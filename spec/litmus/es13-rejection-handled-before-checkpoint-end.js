/*---
id: es13-rejection-handled-before-checkpoint-end
description: "A rejection whose handler is attached in a later microtask of the same checkpoint is not reported: completes normally"
rules: [ES-13, HTML-14, ES-3]
source: "spec-sources ES-13 / HTML-14"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["sync end", "handled late handled"]
      status: completed
---*/
const p = Promise.reject(new Error("late handled"));
Promise.resolve().then(() => {
  p.catch(e => console.log("handled " + e.message));
});
console.log("sync end");
