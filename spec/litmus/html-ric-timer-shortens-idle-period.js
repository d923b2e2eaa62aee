/*---
id: html-ric-timer-shortens-idle-period
description: "HTML-13: the idle deadline is capped by the soonest timer; a zero timeout set in an idle callback ends the period, so the next idle callback waits for the timer"
rules: [HTML-13, HTML-2]
source: "spec-sources HTML-13, HTML-2; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (10 runs), firefox 153.7.0esr headless (10 runs)]
outcomes:
  html:
    # seen in: chromium 10/10, firefox 10/10
    - log: ["idle a", "timeout", "idle b"]
      status: completed
---*/
requestIdleCallback(() => {
  console.log("idle a");
  setTimeout(() => console.log("timeout"), 0);
});
requestIdleCallback(() => console.log("idle b"));
