/*---
id: html-events-handler-attribute-position
description: "An event handler attribute's listener takes its place when first set; replacing it keeps the place"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["listener 1", "onclick v2", "listener 2"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("click", () => console.log("listener 1"));
el.onclick = () => console.log("onclick v1");
el.addEventListener("click", () => console.log("listener 2"));
el.onclick = () => console.log("onclick v2");
el.click();
