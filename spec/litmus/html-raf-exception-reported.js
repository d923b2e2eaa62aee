/*---
id: html-raf-exception-reported
description: "An exception in one animation frame callback is reported; the next callback still runs"
rules: [HTML-5, HTML-7]
source: "spec-sources HTML-5, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["raf2 still runs"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
requestAnimationFrame(() => { throw new Error("boom"); });
requestAnimationFrame(() => console.log("raf2 still runs"));
