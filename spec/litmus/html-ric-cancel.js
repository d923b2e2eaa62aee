/*---
id: html-ric-cancel
description: "cancelIdleCallback removes the request"
rules: [HTML-13]
source: "spec-sources HTML-13; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["b"]
      status: completed
---*/
const a = requestIdleCallback(() => console.log("a (cancelled)"));
requestIdleCallback(() => console.log("b"));
cancelIdleCallback(a);
