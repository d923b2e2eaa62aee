/*---
id: html-rejectionhandled-event
description: "HTML-14: a handler attached after unhandledrejection fired queues a task that fires rejectionhandled"
rules: [HTML-14]
source: "spec-sources HTML-14; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["unhandledrejection r", "handler attached", "caught", "rejectionhandled r"]
      status: uncaught
      errors: ["Uncaught (in promise) \"r\""]
---*/
window.addEventListener("unhandledrejection", (e) => console.log("unhandledrejection", e.reason));
window.addEventListener("rejectionhandled", (e) => console.log("rejectionhandled", e.reason));
const p = Promise.reject("r");
setTimeout(() => {
  p.catch(() => console.log("caught"));
  console.log("handler attached");
}, 10);
