/*---
id: html-window-onmessage-handler
description: "Event handler attribute on the window: onmessage receives window.postMessage data after microtasks"
rules: [HTML-11, HTML-7]
source: "spec-sources HTML-11, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["onmessage 1", "micro in handler", "listener", "onmessage 2", "micro in handler", "listener"]
      status: completed
---*/
window.onmessage = (e) => {
  console.log("onmessage", e.data);
  Promise.resolve().then(() => console.log("micro in handler"));
};
window.addEventListener("message", () => console.log("listener"));
window.postMessage(1, "*");
window.postMessage(2, "*");
