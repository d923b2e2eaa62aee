/*---
id: seed-000-timer-expired
description: "A zero-delay timer fires only after the synchronous script finishes"
rules: [HTML-2, HTML-9]
source: "seed 000 (setTimeout 0 vs sync log)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["I just set a timer.", "Timer expired!"]
      status: completed
claims:
  - claim: 'always "I just set a timer." before "Timer expired!"'
    holds: {html: true}
    why: "seed 000: \"I just set a timer\" will always be printed first (HTML-2: the script is one task; the timer is a later task)"
---*/
setTimeout(() => {
  console.log("Timer expired!");
}, 0);
console.log("I just set a timer.");
