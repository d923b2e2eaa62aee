/*---
id: html-timers-extra-args
description: "Extra setTimeout arguments are passed to the callback"
rules: [HTML-9]
source: "spec-sources HTML-9"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["args hello 42", "sum 3 undefined"]
      status: completed
---*/
setTimeout((x, y) => console.log("args " + x + " " + y), 0, "hello", 42);
setTimeout(function (a, b, c) { console.log("sum " + (a + b) + " " + typeof c); }, 0, 1, 2);
