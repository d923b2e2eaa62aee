/*---
id: html-unhandledrejection-listener-attaches-handler
description: "HTML-14: a handler attached by the unhandledrejection listener itself does not lead to rejectionhandled (the promise never joins the outstanding set)"
rules: [HTML-14]
source: "spec-sources HTML-14; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["unhandledrejection", "caught late", "timeout 50"]
      status: uncaught
      errors: ["Uncaught (in promise) Error: x"]
---*/
window.addEventListener("unhandledrejection", (e) => {
  console.log("unhandledrejection");
  e.promise.catch(() => console.log("caught late"));
});
window.addEventListener("rejectionhandled", () => console.log("rejectionhandled"));
Promise.reject(new Error("x"));
setTimeout(() => console.log("timeout 50"), 50);
