/*---
id: html-mo-attribute-oldvalue
description: "DOM §4.3.1 observe step 1: attributeOldValue alone implies attributes; a subtree observer with it gets the previous values (null for a new attribute), an observer without it gets null"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["A k=null k=1 k=null", "B k=null k=null"]
      status: completed
---*/
const root = document.createElement("div");
const child = document.createElement("span");
root.appendChild(child);
const a = new MutationObserver((rs) => console.log("A", rs.map((r) => r.attributeName + "=" + r.oldValue).join(" ")));
const b = new MutationObserver((rs) => console.log("B", rs.map((r) => r.attributeName + "=" + r.oldValue).join(" ")));
a.observe(root, { attributeOldValue: true, subtree: true });
b.observe(child, { attributes: true });
child.setAttribute("k", "1");
child.setAttribute("k", "2");
root.setAttribute("k", "3");
