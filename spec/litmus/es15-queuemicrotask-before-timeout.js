/*---
id: es15-queuemicrotask-before-timeout
description: "Microtasks queued from microtasks still drain before the next task"
rules: [ES-15, HTML-6, HTML-2]
source: "spec-sources HTML-6 step 3"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["micro 1", "micro 2", "micro 3", "micro 4", "micro 5", "timeout"]
      status: completed
---*/
setTimeout(() => console.log("timeout"), 0);
let n = 0;
function again() {
  n = n + 1;
  console.log("micro " + n);
  if (n < 5) queueMicrotask(again);
}
queueMicrotask(again);
