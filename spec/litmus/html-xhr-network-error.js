/*---
id: html-xhr-network-error
description: "XMLHttpRequest with a network error: readyState 4, then error and loadend"
rules: [HTML-15]
source: "spec-sources HTML-15; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["rsc 1", "rsc 4", "error 0", "loadend"]
      status: completed
---*/
const x = new XMLHttpRequest();
x.addEventListener("readystatechange", () => console.log("rsc", x.readyState));
x.addEventListener("load", () => console.log("load?"));
x.addEventListener("error", () => console.log("error", x.status));
x.addEventListener("loadend", () => console.log("loadend"));
x.open("GET", "http://127.0.0.1:1/x");
x.send();
