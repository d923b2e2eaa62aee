/*---
id: html-mo-characterdata-textcontent-childlist
description: "DOM string replace all: textContent on an element removes its children and inserts one new Text node, one childList record (not characterData); a later data change of that Text is a characterData record"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["childList true 2 1 true null", "characterData false 0 0 false fresh", "1 again null"]
      status: completed
---*/
const el = document.createElement("p");
el.appendChild(document.createTextNode("x"));
el.appendChild(document.createElement("b"));
const old = el.firstChild;
document.body.appendChild(el);
new MutationObserver((rs) => {
  for (const r of rs) {
    console.log(r.type, r.target === el, r.removedNodes.length, r.addedNodes.length, r.addedNodes[0] === el.firstChild, r.oldValue);
  }
  console.log(el.childNodes.length, el.firstChild.data, old.parentNode);
}).observe(el, { childList: true, characterData: true, subtree: true, characterDataOldValue: true });
el.textContent = "fresh";
el.firstChild.data = "again";
