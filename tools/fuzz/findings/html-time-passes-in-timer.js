/*---
id: html-time-passes-in-timer
description: "Found by `evloop fuzz --host html --seed 42` (most of its 36 disagreements; shrunk by hand): the html form of node-time-passes-in-callbacks. The model's clock moves only when the loop is idle (MODEL-1), so the 0 ms timer set in the first timer's callback (due at 0) always runs before the 2 ms timer. In the browsers the first timer's task starts late enough (page load, a busy machine) that the 2 ms timer is already due when B is set: A, C, B 10/20 on Chromium and 13/20 on Firefox. Candidate: the model should let the clock advance between tasks while tasks are runnable (a timer's deadline may already have passed when the loop gets to it), or the claim that browsers agree needs a stated precondition; with `--delays 0` this class disappears (seeds 43 and 44: no disagreement)."
rules: [HTML-10, MODEL-1]
source: "evloop fuzz --host html (differential testing); observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (20 runs), firefox 153.7.0esr headless (20 runs)]
outcomes:
  html:
    # seen in: chromium 10/20, firefox 7/20
    - log: ["A", "B", "C"]
      status: completed
    # seen in: chromium 10/20, firefox 13/20
    - log: ["A", "C", "B"]
      status: completed
model:
  html:
    - log: ["A", "B", "C"]
      status: completed
---*/
setTimeout(() => { console.log("A"); setTimeout(() => console.log("B"), 0); }, 0);
setTimeout(() => console.log("C"), 2);
