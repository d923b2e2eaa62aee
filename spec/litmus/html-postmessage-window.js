/*---
id: html-postmessage-window
description: "window.postMessage queues a task on the posted message task source; the event's data is a copy"
rules: [HTML-11, HTML-7]
source: "spec-sources HTML-11, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "microtask", "message {k: \"v\"}"]
      status: completed
---*/
window.addEventListener("message", (e) => console.log("message", e.data));
window.postMessage({ k: "v" }, "*");
Promise.resolve().then(() => console.log("microtask"));
console.log("script");
