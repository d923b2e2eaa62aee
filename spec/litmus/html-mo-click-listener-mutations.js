/*---
id: html-mo-click-listener-mutations
description: "Mutations made by el.click() listeners are delivered after the calling script, in one callback"
rules: [HTML-12, HTML-7]
source: "spec-sources HTML-12, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["L1", "L2", "script end", "MO 2"]
      status: completed
---*/
const btn = document.createElement("button");
document.body.appendChild(btn);
new MutationObserver((rs) => console.log("MO", rs.length)).observe(btn, { attributes: true });
btn.addEventListener("click", () => { btn.setAttribute("data-a", "1"); console.log("L1"); });
btn.addEventListener("click", () => { btn.setAttribute("data-b", "1"); console.log("L2"); });
btn.click();
console.log("script end");
