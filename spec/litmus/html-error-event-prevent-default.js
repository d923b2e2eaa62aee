/*---
id: html-error-event-prevent-default
description: "Canceling the error event (preventDefault) keeps the exception from being reported"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["error event in raf", "raf 2"]
      status: completed
---*/
window.addEventListener("error", (e) => {
  console.log("error event", e.error.message);
  e.preventDefault();
});
requestAnimationFrame(() => { throw new Error("in raf"); });
requestAnimationFrame(() => console.log("raf 2"));
