/*---
id: html-raf-first-frame-after-timeout-1
description: "Found by `evloop fuzz --host html --seed 42` (e.g. fuzz-chromium-s42-25, -18, -23; shrunk by hand to two lines). MODEL-6 lets the first rendering opportunity come at once and keeps the idle loop from advancing the clock past the next frame time while a frame is wanted, so a pending requestAnimationFrame always runs before a 1 ms timer. In both browsers the first frame of a fresh page comes later than 1 ms about half the time (the display's 60 Hz beat is not aligned with the script): timeout, raf 13/20 on Chromium and 12/20 on Firefox. Candidate: the first frame may come at any time up to one frame interval (16 ms) after load, so timers due before it may run first; html-raf-before-timeout-100 (a 100 ms timer) stays as is."
rules: [HTML-3, MODEL-6]
source: "evloop fuzz --host html (differential testing); observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (20 runs), firefox 153.7.0esr headless (20 runs)]
outcomes:
  html:
    # seen in: chromium 13/20, firefox 12/20
    - log: ["timeout", "raf"]
      status: completed
    # seen in: chromium 7/20, firefox 8/20
    - log: ["raf", "timeout"]
      status: completed
model:
  html:
    - log: ["raf", "timeout"]
      status: completed
---*/
requestAnimationFrame(() => console.log("raf"));
setTimeout(() => console.log("timeout"), 1);
