/*---
id: html-fetch-json-body
description: "HTML-15: json() resolves with the parsed body after the body is read"
rules: [HTML-15]
source: "spec-sources HTML-15; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "status 200 true", "json /net/b"]
      status: completed
---*/
fetch("/net/b")
  .then((r) => {
    console.log("status", r.status, r.ok);
    return r.json();
  })
  .then((j) => console.log("json", j.path));
console.log("script");
