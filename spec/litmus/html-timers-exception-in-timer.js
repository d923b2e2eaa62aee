/*---
id: html-timers-exception-in-timer
description: "An exception thrown in one timer callback (caught within the callback) does not affect the next"
rules: [HTML-2, ES-1]
source: "spec-sources HTML-2"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["caught inside timer", "finally", "next timer"]
      status: completed
---*/
setTimeout(() => {
  try {
    throw new Error("inside timer");
  } catch (e) {
    console.log("caught " + e.message);
  } finally {
    console.log("finally");
  }
}, 0);
setTimeout(() => console.log("next timer"), 0);
