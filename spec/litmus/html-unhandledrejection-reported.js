/*---
id: html-unhandledrejection-reported
description: "HTML-14: an unhandled rejection with a listener that does not cancel is reported; the listener runs first"
rules: [HTML-14]
source: "spec-sources HTML-14; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "onunhandledrejection nobody catches"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: nobody catches"]
---*/
window.onunhandledrejection = (e) => console.log("onunhandledrejection", e.reason.message);
Promise.reject(new Error("nobody catches"));
console.log("script");
