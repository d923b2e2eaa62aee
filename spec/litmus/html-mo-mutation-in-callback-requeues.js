/*---
id: html-mo-mutation-in-callback-requeues
description: "HTML-12: the flag is cleared before callbacks run, so a mutation inside a callback queues a new notify microtask in the same checkpoint"
rules: [HTML-12, HTML-6]
source: "spec-sources HTML-12, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["MO#1", "promise-after-mutation", "MO#2", "promise-from-MO1", "timeout"]
      status: completed
---*/
const el = document.createElement("div");
let n = 0;
const mo = new MutationObserver(() => {
  n++;
  console.log("MO#" + n);
  if (n === 1) {
    el.setAttribute("x", "2");
    Promise.resolve().then(() => console.log("promise-from-MO1"));
  }
});
mo.observe(el, { attributes: true });
setTimeout(() => console.log("timeout"), 0);
el.setAttribute("x", "1");
Promise.resolve().then(() => console.log("promise-after-mutation"));
