/*---
id: html-script-src-load-event
description: "A <script src> inserted by script runs after the inserting script, then load fires at the element"
rules: [HTML-15, HTML-7]
source: "spec-sources HTML-15, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["appended", "microtask", "load"]
      status: completed
---*/
const s = document.createElement("script");
s.addEventListener("load", () => console.log("load"));
s.addEventListener("error", () => console.log("error?"));
s.src = "/net/empty.js";
Promise.resolve().then(() => console.log("microtask"));
document.body.appendChild(s);
console.log("appended");
