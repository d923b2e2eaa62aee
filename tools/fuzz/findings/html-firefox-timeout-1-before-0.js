/*---
id: html-firefox-timeout-1-before-0
description: "Found by `evloop fuzz --host html --seed 42` (fuzz-firefox-s42-7; shrunk by hand). A 1 ms timer set just before a 0 ms timer: the model runs due timers earlier deadline first (MODEL-1, HTML-10 step 4.2), so t0, t1 only. Firefox ran t1 first 1/20 times (Chromium never, 0/20). HTML's timer initialization steps order only timers with an equal or smaller timeout started earlier, so t1 before t0 is allowed once both are due; Firefox's behaviour depends on when its timer thread wakes (a rare outcome, needs more runs to pin down). Candidate: allow any order among timers that are all due when the loop looks, or document Firefox's deviation."
rules: [HTML-10, MODEL-1]
source: "evloop fuzz --host html (differential testing); observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (20 runs), firefox 153.7.0esr headless (20 runs)]
outcomes:
  html:
    # seen in: chromium 20/20, firefox 19/20
    - log: ["t0", "t1"]
      status: completed
    # seen in: firefox 1/20
    - log: ["t1", "t0"]
      status: completed
model:
  html:
    - log: ["t0", "t1"]
      status: completed
---*/
setTimeout(() => console.log("t1"), 1);
setTimeout(() => console.log("t0"), 0);
