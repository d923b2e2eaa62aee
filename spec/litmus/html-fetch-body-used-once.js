/*---
id: html-fetch-body-used-once
description: "HTML-15: text() marks the body used; a second read rejects with a TypeError in a microtask, before the first read completes"
rules: [HTML-15, ES-3]
source: "spec-sources HTML-15, ES-3; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["used true", "second TypeError", "text {\"path\":\"/net/a\"}"]
      status: completed
---*/
fetch("/net/a").then((r) => {
  r.text().then((t) => console.log("text", t));
  console.log("used", r.bodyUsed);
  r.text().then(() => console.log("second ok?"), (e) => console.log("second", e.name));
});
