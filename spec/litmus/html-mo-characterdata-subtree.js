/*---
id: html-mo-characterdata-subtree
description: "A parsed Text child reached with firstChild: a subtree observer of an ancestor gets its characterData record (target the Text); an observer of the ancestor without subtree gets none"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["3 hello true hello", "subtree characterData:true:hello", "timeout bye"]
      status: completed
dom: '<div id="box"><p id="para">hello</p></div>'
---*/
const box = document.getElementById("box");
const para = document.getElementById("para");
const text = para.firstChild;
console.log(text.nodeType, text.data, text.parentNode === para, box.textContent);
new MutationObserver((rs) => console.log("subtree", rs.map((r) => r.type + ":" + (r.target === text) + ":" + r.oldValue).join(" ")))
  .observe(box, { characterData: true, characterDataOldValue: true, subtree: true });
new MutationObserver((rs) => console.log("shallow", rs.length)).observe(box, { characterData: true, childList: true });
text.data = "bye";
setTimeout(() => console.log("timeout", box.textContent), 0);
