/*---
id: html-ric-deadline
description: "An idle callback gets an IdleDeadline: didTimeout false, time remaining between 0 and 50 ms"
rules: [HTML-13]
source: "spec-sources HTML-13; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["false true true"]
      status: completed
---*/
requestIdleCallback((d) => {
  const r = d.timeRemaining();
  console.log(d.didTimeout, r > 0, r <= 50);
}, { timeout: 1000 });
