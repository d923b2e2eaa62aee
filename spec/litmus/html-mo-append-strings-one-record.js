/*---
id: html-mo-append-strings-one-record
description: "DOM convert nodes into a node: append() turns strings into Text nodes; several nodes go through a DocumentFragment (a moved node's removal is a record at its old parent) and are one childList record; Text nodes in childNodes, siblings and textContent, but not in children"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.2.6 append, §4.3.2; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["4 t1t2solo 1 #text solo t1 t2", "Text {} [Text {}]", "childList:b+2-0 childList:a+0-1 childList:b+3-0 childList:b+1-0"]
      status: completed
---*/
const a = document.createElement("div");
const b = document.createElement("div");
const x = document.createElement("i");
a.appendChild(x);
new MutationObserver((rs) => console.log(rs.map((r) => r.type + ":" + (r.target === a ? "a" : "b") + "+" + r.addedNodes.length + "-" + r.removedNodes.length).join(" "))).observe(document.body, { childList: true, subtree: true });
document.body.append(a, b);
b.append("t1", x, "t2");
b.append("solo");
console.log(b.childNodes.length, b.textContent, b.children.length, b.firstChild.nodeName, b.lastChild.data, x.previousSibling.data, x.nextSibling.data);
console.log(b.firstChild, [document.createTextNode("q")]);
