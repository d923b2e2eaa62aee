/*---
id: html-user-click-checkpoint-between-listeners
description: "A real user click (the browser's input pipeline, not el.click()) calls each listener with an empty JavaScript stack, so 'clean up after running script' performs a microtask checkpoint after each one: L1.microtask runs before L2. Observed with tools/browser/run.js --click '#btn' (DevTools Input.dispatchMouseEvent in Chromium, WebDriver BiDi input.performActions in Firefox): 3/3 in each. Compare html-events-click-no-checkpoint-between-listeners (el.click() from script)."
rules: [HTML-7, HTML-6, HTML-2]
source: "seed 001 (microtasks run even mid macrotask if no operation is running anymore, e.g. between two listeners)"
hosts: [html]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless]
dom: '<button id="btn">go</button>'
events: ["click:#btn"]
outcomes:
  html:
    - log: ["script end", "L1", "L1.microtask", "L2", "L2.microtask"]
      status: completed
claims:
  - claim: 'always "L1.microtask" before "L2"'
    holds: {html: true}
    why: "seed 001: microtasks run between two listeners of a user click (HTML-7)"
---*/
const btn = document.getElementById("btn");
btn.addEventListener("click", () => {
  console.log("L1");
  Promise.resolve().then(() => console.log("L1.microtask"));
});
btn.addEventListener("click", () => {
  console.log("L2");
  Promise.resolve().then(() => console.log("L2.microtask"));
});
console.log("script end");
