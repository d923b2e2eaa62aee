/*---
id: html-mc-start-enables-queue
description: "HTML-11: start() enables the port message queue for addEventListener listeners"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "listener x"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.addEventListener("message", (e) => console.log("listener", e.data));
ch.port1.start();
ch.port2.postMessage("x");
console.log("script");
