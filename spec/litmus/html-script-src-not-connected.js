/*---
id: html-script-src-not-connected
description: "A <script src> that is never inserted into the document is not fetched: no events"
rules: [HTML-15]
source: "spec-sources HTML-15; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["timeout"]
      status: completed
---*/
const s = document.createElement("script");
s.onload = () => console.log("load?");
s.onerror = () => console.log("error?");
s.src = "/net/never.js";
setTimeout(() => console.log("timeout"), 50);
