/*---
id: seed-003-kickoff-promises
description: "A promise chain of three drains completely before a zero-delay timeout"
rules: [ES-3, ES-4, HTML-2, HTML-6]
source: "seed 003 (pop quiz: Kick-off with setTimeout)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["Kick-off", "The end!", "promise 1", "promise 2", "promise 3", "timeout"]
      status: completed
claims:
  - claim: 'always "promise 3" before "timeout"'
    holds: {html: true}
    why: "seed 003 quiz: every promise reaction (all microtasks) before the timer task"
---*/
console.log("Kick-off");
setTimeout(() => console.log("timeout"), 0);
Promise.resolve()
  .then(() => console.log("promise 1"))
  .then(() => console.log("promise 2"))
  .then(() => console.log("promise 3"));
console.log("The end!");
