/*---
id: html-onclick-return-false-cancels
description: "An event handler returning false cancels the event; a listener's return value does not"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["false true true false"]
      status: completed
---*/
const a = document.createElement("div");
a.onclick = () => false;
const b = document.createElement("div");
b.addEventListener("click", () => false);
const ea = new Event("click", { cancelable: true });
const eb = new Event("click", { cancelable: true });
console.log(a.dispatchEvent(ea), ea.defaultPrevented, b.dispatchEvent(eb), eb.defaultPrevented);
