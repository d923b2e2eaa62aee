/*---
id: html-timers-equal-delay-call-order
description: "Timers with equal delays fire in call order"
rules: [HTML-10, HTML-1]
source: "spec-sources HTML-10 step 4.2"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["one", "two", "three", "four"]
      status: completed
---*/
setTimeout(() => console.log("one"), 5);
setTimeout(() => console.log("two"), 5);
setTimeout(() => console.log("three"), 5);
setTimeout(() => console.log("four"), 5);
