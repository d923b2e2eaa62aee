/*---
id: html-timers-clear-timeout
description: "clearTimeout cancels a pending timer, including one cleared from inside an earlier timer"
rules: [HTML-9]
source: "spec-sources HTML-9 (map of setTimeout and setInterval IDs)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["ids differ true", "clearing c", "b"]
      status: completed
---*/
const a = setTimeout(() => console.log("a"), 0);
const b = setTimeout(() => console.log("b"), 10);
const c = setTimeout(() => console.log("c"), 20);
clearTimeout(a);
setTimeout(() => {
  console.log("clearing c");
  clearTimeout(c);
}, 5);
console.log("ids differ " + (a !== b && b !== c));
