/*---
id: html-timers-delay-order
description: "A shorter delay fires first even when scheduled later: setTimeout(a,10); setTimeout(b,0) gives b a"
rules: [HTML-9, HTML-10]
source: "spec-sources HTML-10"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["b", "a", "d", "c"]
      status: completed
---*/
setTimeout(() => console.log("a"), 10);
setTimeout(() => console.log("b"), 0);
setTimeout(() => console.log("c"), 30);
setTimeout(() => console.log("d"), 20);
