/*---
id: html-message-vs-timeout-1
description: "Found by `evloop fuzz --host html --seed 42` (fuzz-firefox-s42-4; shrunk by hand). A posted message is runnable at once and the 1 ms timer is not due until the idle loop advances the clock (MODEL-1), so the model allows only message, timeout. Firefox ran the timer first 2/20 times: the script and the port's task took more than 1 ms, both tasks were queued, and HTML-1 lets the loop pick either task source (as the model does for a 0 ms timer, tools/browser/findings/html-mc-vs-timeout-zero.js). Chromium: message, timeout 20/20. Same root as html-time-passes-in-timer: time passes while tasks are runnable."
rules: [HTML-1, HTML-11, MODEL-1]
source: "evloop fuzz --host html (differential testing); observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (20 runs), firefox 153.7.0esr headless (20 runs)]
outcomes:
  html:
    # seen in: chromium 20/20, firefox 18/20
    - log: ["message", "timeout"]
      status: completed
    # seen in: firefox 2/20
    - log: ["timeout", "message"]
      status: completed
model:
  html:
    - log: ["message", "timeout"]
      status: completed
---*/
setTimeout(() => console.log("timeout"), 1);
const c = new MessageChannel();
c.port1.onmessage = () => console.log("message");
c.port2.postMessage(0);
