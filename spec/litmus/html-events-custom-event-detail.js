/*---
id: html-events-custom-event-detail
description: "CustomEvent carries detail; a dispatch from a timer callback runs the listeners synchronously, microtasks after the callback"
rules: [HTML-7, HTML-6]
source: "spec-sources HTML-7, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["ping 1 ping", "ping 2 ping", "timer end", "micro 1", "micro 2"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("ping", (e) => {
  console.log("ping", e.detail.n, e.type);
  queueMicrotask(() => console.log("micro", e.detail.n));
});
setTimeout(() => {
  el.dispatchEvent(new CustomEvent("ping", { detail: { n: 1 } }));
  el.dispatchEvent(new CustomEvent("ping", { detail: { n: 2 } }));
  console.log("timer end");
}, 0);
