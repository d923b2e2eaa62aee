/*---
id: html-mc-onmessage-enables-queue
description: "HTML-11: setting onmessage enables the port message queue; the message arrives as a task after the script's microtasks"
rules: [HTML-11, HTML-7]
source: "spec-sources HTML-11, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "microtask", "message x"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.onmessage = (e) => console.log("message", e.data);
ch.port2.postMessage("x");
Promise.resolve().then(() => console.log("microtask"));
console.log("script");
