/*---
id: html-events-removed-during-dispatch-skipped
description: "A listener removed by an earlier listener of the same dispatch does not run"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["first"]
      status: completed
---*/
const el = document.createElement("div");
const second = () => console.log("second (removed)");
el.addEventListener("e", () => { console.log("first"); el.removeEventListener("e", second); });
el.addEventListener("e", second);
el.dispatchEvent(new Event("e"));
