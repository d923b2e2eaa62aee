/*---
id: html-unhandledrejection-handled-in-time
description: "HTML-14: a rejection handled within the same checkpoint is never notified"
rules: [HTML-14]
source: "spec-sources HTML-14; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["caught"]
      status: completed
---*/
window.addEventListener("unhandledrejection", (e) => console.log("unhandledrejection (not expected)"));
const p = Promise.reject("r");
Promise.resolve().then(() => p.catch(() => console.log("caught")));
