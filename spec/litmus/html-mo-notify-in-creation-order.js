/*---
id: html-mo-notify-in-creation-order
description: "Finding: both browsers call the observers in the order they were created (B first), not in the order they joined the pending mutation observers set (A first, as DOM §4.3 notify mutation observers step 3 reads)"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["B 1", "A 2"]
      status: completed
---*/
const root = document.createElement("div");
const child = document.createElement("span");
root.appendChild(child);
const b = new MutationObserver((rs) => console.log("B", rs.length));
const a = new MutationObserver((rs) => console.log("A", rs.length));
a.observe(root, { attributes: true, subtree: true });
b.observe(child, { attributes: true });
root.setAttribute("k", "0");
child.setAttribute("k", "1");
