/*---
id: html-error-event-then-next-task
description: "HTML report an exception: an exception in a timer fires error at the window (the listener sees the thrown value) and is reported; the next timer still runs"
rules: [HTML-7, HTML-9]
source: "spec-sources HTML-7, HTML-9; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["error event boom true", "listener microtask", "next timer"]
      status: uncaught
      errors: ["Uncaught Error: boom"]
---*/
window.addEventListener("error", (e) => {
  console.log("error event", e.error.message, e.cancelable);
  Promise.resolve().then(() => console.log("listener microtask"));
});
setTimeout(() => { throw new Error("boom"); }, 0);
setTimeout(() => console.log("next timer"), 0);
