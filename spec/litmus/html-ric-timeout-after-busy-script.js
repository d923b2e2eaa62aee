/*---
id: html-ric-timeout-after-busy-script
description: "With the timeout elapsed during a busy script, the callback is invoked with didTimeout true"
rules: [HTML-13, HTML-10]
source: "spec-sources HTML-13, HTML-10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script done", "idle, didTimeout: true"]
      status: completed
---*/
requestIdleCallback((d) => console.log("idle, didTimeout:", d.didTimeout), { timeout: 10 });
const start = Date.now();
while (Date.now() - start < 30) {}
console.log("script done");
