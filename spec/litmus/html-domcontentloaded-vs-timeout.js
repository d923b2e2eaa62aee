/*---
id: html-domcontentloaded-vs-timeout
description: "DOMContentLoaded (DOM manipulation task source) and a zero timeout (timer task source) run in either order: Chromium fires DOMContentLoaded first, Firefox the timeout"
rules: [HTML-1, HTML-2, HTML-9]
source: "spec-sources HTML-1, HTML-2, HTML-9; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (10 runs), firefox 153.7.0esr headless (10 runs)]
outcomes:
  html:
    # seen in: chromium 10/10
    - log: ["DOMContentLoaded interactive", "timeout"]
      status: completed
    # seen in: firefox 10/10
    - log: ["timeout", "DOMContentLoaded interactive"]
      status: completed
---*/
document.addEventListener("DOMContentLoaded", () => console.log("DOMContentLoaded", document.readyState));
setTimeout(() => console.log("timeout"), 0);
