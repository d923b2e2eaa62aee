/*---
id: html-events-once-and-added-during-dispatch
description: "A once listener runs once; a listener added during a dispatch does not run in it"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["once", "--", "added during dispatch"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("e", () => {
  console.log("once");
  el.addEventListener("e", () => console.log("added during dispatch"));
}, { once: true });
el.dispatchEvent(new Event("e"));
console.log("--");
el.dispatchEvent(new Event("e"));
