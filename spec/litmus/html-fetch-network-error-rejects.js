/*---
id: html-fetch-network-error-rejects
description: "HTML-15: a network error rejects the fetch promise with a TypeError"
rules: [HTML-15]
source: "spec-sources HTML-15; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "rejected TypeError true"]
      status: completed
---*/
fetch("http://127.0.0.1:1/x").then(
  () => console.log("resolved?"),
  (e) => console.log("rejected", e.name, e instanceof TypeError)
);
console.log("script");
