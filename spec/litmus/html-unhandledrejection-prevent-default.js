/*---
id: html-unhandledrejection-prevent-default
description: "HTML-14: unhandledrejection fires at the window in a task after the checkpoint that found the rejection; preventDefault keeps it from being reported"
rules: [HTML-14, HTML-6]
source: "spec-sources HTML-14, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["script", "microtask", "unhandledrejection r true"]
      status: completed
---*/
window.addEventListener("unhandledrejection", (e) => {
  console.log("unhandledrejection", e.reason, e.promise === p);
  e.preventDefault();
});
const p = Promise.reject("r");
Promise.resolve().then(() => console.log("microtask"));
console.log("script");
