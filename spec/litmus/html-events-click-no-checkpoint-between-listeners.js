/*---
id: html-events-click-no-checkpoint-between-listeners
description: "HTML-7: el.click() dispatches synchronously: the caller is on the stack, so microtasks run after the whole script"
rules: [HTML-7, HTML-6]
source: "spec-sources HTML-7, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["L1", "L2", "after click()", "L1.microtask", "L2.microtask"]
      status: completed
claims:
  - claim: 'always "L2" before "L1.microtask"'
    holds: {html: true}
    why: "seed 001: \"event initiated through JS can behave differently ... microtasks can't run mid macrotask\" (HTML-7: el.click() dispatches with the caller on the stack)"
---*/
const btn = document.createElement("button");
document.body.appendChild(btn);
btn.addEventListener("click", () => {
  console.log("L1");
  Promise.resolve().then(() => console.log("L1.microtask"));
});
btn.addEventListener("click", () => {
  console.log("L2");
  Promise.resolve().then(() => console.log("L2.microtask"));
});
btn.click();
console.log("after click()");
