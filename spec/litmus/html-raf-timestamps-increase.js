/*---
id: html-raf-timestamps-increase
description: "A rAF requested inside a rAF runs in the next frame, whose timestamp is later (MODEL-6: frames at least 16 ms apart; HTML-5 one timestamp per frame). Observed 10/10 in each browser (tools/browser/run.js --runs 10)."
rules: [HTML-5, HTML-3, MODEL-6]
source: "tools/browser/findings (resolved by MODEL-6)"
hosts: [html]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless]
outcomes:
  html:
    - log: ["later frame, later timestamp: true"]
      status: completed
---*/
requestAnimationFrame((t1) => {
  requestAnimationFrame((t2) => console.log("later frame, later timestamp:", t2 > t1));
});
