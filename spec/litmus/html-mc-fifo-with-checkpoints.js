/*---
id: html-mc-fifo-with-checkpoints
description: "Messages on one port arrive in order, one task each, with a checkpoint after each"
rules: [HTML-11, HTML-2, HTML-6]
source: "spec-sources HTML-11, HTML-2, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["message 1", "microtask 1", "message 2", "microtask 2", "message 3", "microtask 3"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.onmessage = (e) => {
  console.log("message", e.data);
  Promise.resolve().then(() => console.log("microtask", e.data));
};
ch.port2.postMessage(1);
ch.port2.postMessage(2);
ch.port2.postMessage(3);
