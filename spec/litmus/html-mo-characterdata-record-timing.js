/*---
id: html-mo-characterdata-record-timing
description: "HTML-12, DOM §4.10 replace data: setting a Text node's data queues a characterData record (target the Text, oldValue null without characterDataOldValue); the first one queues the notify microtask at that point of the FIFO, after an earlier promise job and before a later one"
rules: [HTML-12, HTML-6]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["sync c 1", "promise before", "MO 2 characterData true null", "promise after", "promise from MO"]
      status: completed
---*/
const t = document.createTextNode("a");
document.body.appendChild(t);
new MutationObserver((rs) => {
  console.log("MO", rs.length, rs[0].type, rs[0].target === t, rs[0].oldValue);
  Promise.resolve().then(() => console.log("promise from MO"));
}).observe(t, { characterData: true });
Promise.resolve().then(() => console.log("promise before"));
t.data = "b";
Promise.resolve().then(() => console.log("promise after"));
t.nodeValue = "c";
console.log("sync", t.data, t.length);
