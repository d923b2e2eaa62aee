/*---
id: html-timers-clear-interval-with-clear-timeout
description: "clearTimeout and clearInterval share one id map, so clearTimeout stops an interval"
rules: [HTML-9]
source: "spec-sources HTML-9 (clearTimeout and clearInterval are interchangeable)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["run 1", "run 2", "end 2"]
      status: completed
---*/
let n = 0;
const id = setInterval(() => {
  n = n + 1;
  console.log("run " + n);
  if (n === 2) clearTimeout(id);
}, 5);
setTimeout(() => console.log("end " + n), 60);
