/*---
id: html-events-prevent-default-return
description: "dispatchEvent returns false when a listener cancels a cancelable event"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["false", "true"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("a", (e) => e.preventDefault());
el.addEventListener("b", (e) => e.preventDefault());
console.log(el.dispatchEvent(new Event("a", { cancelable: true })));
console.log(el.dispatchEvent(new Event("b")));
