/*---
id: html-timers-nested-after-sibling
description: "A timer scheduled from inside a timer callback runs after timers already queued with the same delay"
rules: [HTML-9, HTML-10]
source: "spec-sources HTML-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["a", "b", "c (nested)"]
      status: completed
---*/
setTimeout(() => {
  console.log("a");
  setTimeout(() => console.log("c (nested)"), 0);
}, 0);
setTimeout(() => console.log("b"), 0);
