/*---
id: html-events-non-bubbling-event
description: "An Event without bubbles reaches only the capture listeners of ancestors and the target's listeners"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["outer capture", "inner", "outer capture", "inner", "outer bubble"]
      status: completed
---*/
const outer = document.createElement("div");
const inner = document.createElement("div");
outer.appendChild(inner);
document.body.appendChild(outer);
outer.addEventListener("x", () => console.log("outer capture"), true);
outer.addEventListener("x", () => console.log("outer bubble"));
inner.addEventListener("x", () => console.log("inner"));
inner.dispatchEvent(new Event("x"));
inner.dispatchEvent(new Event("x", { bubbles: true }));
