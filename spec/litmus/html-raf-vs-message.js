/*---
id: html-raf-vs-message
description: "A MessageChannel message and the first animation frame: different task sources"
rules: [HTML-1, HTML-3, HTML-11]
source: "spec-sources HTML-1, HTML-3, HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (10 runs), firefox 153.7.0esr headless (10 runs)]
outcomes:
  html:
    # seen in: chromium 3/10, firefox 2/10
    - log: ["raf", "message"]
      status: completed
    # seen in: chromium 7/10, firefox 8/10
    - log: ["message", "raf"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.onmessage = () => console.log("message");
requestAnimationFrame(() => console.log("raf"));
ch.port2.postMessage(null);
