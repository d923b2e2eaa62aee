/*---
id: html-timers-busy-wait
description: "A 20 ms busy-wait delays a 0 ms timer and a 10 ms timer; both fire after the synchronous code, in delay order"
rules: [HTML-2, HTML-10]
source: "brief (clock-watching loop)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["waited true", "micro", "t0", "t10"]
      status: completed
---*/
setTimeout(() => console.log("t10"), 10);
setTimeout(() => console.log("t0"), 0);
const s = Date.now();
while (Date.now() < s + 20) {}
console.log("waited " + (Date.now() - s >= 20));
Promise.resolve().then(() => console.log("micro"));
