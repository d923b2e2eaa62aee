/*---
id: html-raf-before-timeout-100
description: "A pending rAF renders within a frame (about 16 ms), long before a 100 ms timer (MODEL-6: the idle loop cannot pass the next frame time without rendering). Observed 10/10 in each browser."
rules: [HTML-3, HTML-5, HTML-10, MODEL-6]
source: "tools/browser/findings (resolved by MODEL-6)"
hosts: [html]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless]
outcomes:
  html:
    - log: ["raf", "timeout 100"]
      status: completed
---*/
setTimeout(() => console.log("timeout 100"), 100);
requestAnimationFrame(() => console.log("raf"));
