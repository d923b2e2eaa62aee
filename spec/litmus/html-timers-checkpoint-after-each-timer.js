/*---
id: html-timers-checkpoint-after-each-timer
description: "A microtask checkpoint runs after each timer task, so a timer's microtasks run before the next timer"
rules: [HTML-2, HTML-6, HTML-10]
source: "spec-sources HTML-2 step 2.8"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["a", "a.micro", "a.qm", "b", "b.micro"]
      status: completed
---*/
setTimeout(() => {
  console.log("a");
  Promise.resolve().then(() => console.log("a.micro"));
  queueMicrotask(() => console.log("a.qm"));
}, 0);
setTimeout(() => {
  console.log("b");
  Promise.resolve().then(() => console.log("b.micro"));
}, 0);
