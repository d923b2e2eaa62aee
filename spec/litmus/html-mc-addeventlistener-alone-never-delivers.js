/*---
id: html-mc-addeventlistener-alone-never-delivers
description: "HTML-11: addEventListener('message') alone does not enable the port message queue"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["timeout"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.addEventListener("message", (e) => console.log("message", e.data));
ch.port2.postMessage("x");
setTimeout(() => console.log("timeout"), 50);
