/*---
id: html-message-event-source
description: "MessageEvent.source: the window for window.postMessage, null for a MessagePort"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5
    - log: ["window message source is window: true", "port message source: null"]
      status: completed
    # seen in: firefox 5/5
    - log: ["port message source: null", "window message source is window: true"]
      status: completed
---*/
window.addEventListener("message", (e) => console.log("window message source is window:", e.source === window));
window.postMessage("w", "*");
const ch = new MessageChannel();
ch.port1.onmessage = (e) => console.log("port message source:", e.source);
ch.port2.postMessage("p");
