/*---
id: html-events-stop-propagation
description: "stopPropagation ends the dispatch after the current target; stopImmediatePropagation at once"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["inner 1", "inner 2", "a"]
      status: completed
---*/
const outer = document.createElement("div");
const inner = document.createElement("div");
outer.appendChild(inner);
inner.addEventListener("click", (e) => { console.log("inner 1"); e.stopPropagation(); });
inner.addEventListener("click", () => console.log("inner 2"));
outer.addEventListener("click", () => console.log("outer (not reached)"));
inner.click();
const el = document.createElement("div");
el.addEventListener("e", (e) => { console.log("a"); e.stopImmediatePropagation(); });
el.addEventListener("e", () => console.log("b (not reached)"));
el.dispatchEvent(new Event("e"));
