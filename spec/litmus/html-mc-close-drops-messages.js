/*---
id: html-mc-close-drops-messages
description: "A closed port is disentangled: its messages are dropped"
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
ch.port1.onmessage = (e) => console.log("message", e.data);
ch.port2.close();
ch.port2.postMessage("dropped");
setTimeout(() => console.log("timeout"), 30);
