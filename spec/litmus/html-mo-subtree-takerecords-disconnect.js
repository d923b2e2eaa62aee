/*---
id: html-mo-subtree-takerecords-disconnect
description: "MutationObserver options: subtree reaches descendants; takeRecords empties the queue; disconnect stops observing"
rules: [HTML-12]
source: "spec-sources HTML-12; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["taken 1", "deep attributes:P,attributes:DIV", "after disconnect"]
      status: completed
---*/
const root = document.createElement("div");
const child = document.createElement("p");
root.appendChild(child);
const seen = new MutationObserver((rs) => console.log("deep", rs.map((r) => r.type + ":" + r.target.tagName).join(",")));
const shallow = new MutationObserver((rs) => console.log("shallow", rs.length));
seen.observe(root, { attributes: true, childList: true, subtree: true });
shallow.observe(root, { attributes: true });
child.setAttribute("k", "v");
root.setAttribute("k", "v");
console.log("taken", shallow.takeRecords().length);
setTimeout(() => {
  seen.disconnect();
  child.appendChild(document.createElement("b"));
  console.log("after disconnect");
}, 0);
