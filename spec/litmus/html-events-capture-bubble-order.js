/*---
id: html-events-capture-bubble-order
description: "DOM dispatch: capture listeners root to target, then bubble listeners target to root"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["document capture", "outer capture", "inner capture", "inner bubble", "outer bubble", "document bubble", "window bubble"]
      status: completed
---*/
const outer = document.createElement("div");
const inner = document.createElement("div");
outer.appendChild(inner);
document.body.appendChild(outer);
const log = (s) => () => console.log(s);
document.addEventListener("click", log("document capture"), true);
document.addEventListener("click", log("document bubble"));
window.addEventListener("click", log("window bubble"));
outer.addEventListener("click", log("outer bubble"));
outer.addEventListener("click", log("outer capture"), true);
inner.addEventListener("click", log("inner bubble"));
inner.addEventListener("click", log("inner capture"), { capture: true });
inner.click();
