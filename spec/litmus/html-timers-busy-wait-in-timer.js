/*---
id: html-timers-busy-wait-in-timer
description: "A busy-wait inside a timer callback makes a later-due timer ready but it still waits for the current task and its microtasks"
rules: [HTML-2, HTML-6, HTML-10]
source: "brief (clock-watching loop)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["first start", "first end", "first micro", "second"]
      status: completed
---*/
setTimeout(() => {
  console.log("first start");
  const s = Date.now();
  while (Date.now() < s + 30) {}
  Promise.resolve().then(() => console.log("first micro"));
  console.log("first end");
}, 0);
setTimeout(() => console.log("second"), 10);
