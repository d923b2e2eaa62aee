/*---
id: html-timers-set-interval-clear
description: "setInterval repeats until clearInterval is called from its own callback after 3 runs"
rules: [HTML-9]
source: "spec-sources HTML-9 (repeat re-runs the steps with previousId)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["tick 1", "micro 1", "tick 2", "micro 2", "tick 3", "micro 3", "done"]
      status: completed
---*/
let count = 0;
const id = setInterval(() => {
  count = count + 1;
  console.log("tick " + count);
  Promise.resolve().then(() => console.log("micro " + count));
  if (count === 3) {
    clearInterval(id);
  }
}, 5);
setTimeout(() => console.log("done"), 100);
