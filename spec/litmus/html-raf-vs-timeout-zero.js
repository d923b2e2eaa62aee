/*---
id: html-raf-vs-timeout-zero
description: "Rendering is a task on its own task source (HTML-3): a zero timeout and the first frame run in either order"
rules: [HTML-1, HTML-3, HTML-2]
source: "spec-sources HTML-1, HTML-3, HTML-2; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 3/5, firefox 4/5
    - log: ["timeout", "raf"]
      status: completed
    # seen in: chromium 2/5, firefox 1/5
    - log: ["raf", "timeout"]
      status: completed
---*/
setTimeout(() => console.log("timeout"), 0);
requestAnimationFrame(() => console.log("raf"));
