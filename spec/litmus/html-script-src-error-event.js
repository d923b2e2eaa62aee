/*---
id: html-script-src-error-event
description: "A <script src> inserted by script is fetched in parallel; a network error fires error at the element in a later task (listener called with an empty stack)"
rules: [HTML-15, HTML-7]
source: "spec-sources HTML-15, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["appended", "error event", "micro"]
      status: completed
---*/
const s = document.createElement("script");
s.onerror = () => {
  console.log("error event");
  Promise.resolve().then(() => console.log("micro"));
};
s.onload = () => console.log("load?");
s.src = "http://127.0.0.1:1/x.js";
document.body.appendChild(s);
console.log("appended");
