/*---
id: html-mo-characterdata-transient-after-removal
description: "DOM §4.2.3 remove: a node removed from a subtree-observed element gets transient registered observers, so a characterData change inside it (and a childList change on it) is still recorded until the next notify, which removes them (notify step 6.3): the later change is not"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.2.3, §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["MO childList:box:null characterData:t:a childList:p:null", "after the notify c", "end"]
      status: completed
---*/
const box = document.createElement("div");
const p = document.createElement("p");
const t = document.createTextNode("a");
p.appendChild(t);
box.appendChild(p);
const name = (n) => (n === t ? "t" : n === box ? "box" : n === p ? "p" : "?");
new MutationObserver((rs) => console.log("MO", rs.map((r) => r.type + ":" + name(r.target) + ":" + r.oldValue).join(" ")))
  .observe(box, { childList: true, characterDataOldValue: true, subtree: true });
box.removeChild(p);
t.data = "b";
p.appendChild(document.createElement("i"));
setTimeout(() => {
  t.data = "c";
  console.log("after the notify", t.data);
  setTimeout(() => console.log("end"), 0);
}, 0);
