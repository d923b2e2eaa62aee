/*---
id: html-raf-checkpoint-before-frame
description: "The script's microtasks run before any animation frame callback"
rules: [HTML-3, HTML-6]
source: "spec-sources HTML-3, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "microtask", "raf"]
      status: completed
---*/
requestAnimationFrame(() => console.log("raf"));
Promise.resolve().then(() => console.log("microtask"));
console.log("script");
