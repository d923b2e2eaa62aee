/*---
id: html-mc-late-onmessage-gets-queued
description: "HTML-11: messages posted while the queue is disabled wait and are delivered once onmessage is set"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["enable", "message 1", "message 2"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port2.postMessage(1);
ch.port2.postMessage(2);
setTimeout(() => {
  console.log("enable");
  ch.port1.onmessage = (e) => console.log("message", e.data);
}, 20);
