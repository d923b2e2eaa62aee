/*---
id: html-mo-characterdata-oldvalue
description: "DOM §4.3.1 observe step 2: characterDataOldValue alone implies characterData; each replace data (data, textContent, appendData, nodeValue = null) records the data before the change; an observer without characterDataOldValue gets oldValue null"
rules: [HTML-12]
source: "spec-sources HTML-12; DOM §4.3.2, §4.10; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["now \"\" true", "characterData:one characterData:two characterData:three characterData:three+four ", "plain null null null null"]
      status: completed
---*/
const t = document.createTextNode("one");
const mo = new MutationObserver((rs) => {
  console.log(rs.map((r) => r.type + ":" + r.oldValue).join(" "), t.data);
});
mo.observe(t, { characterDataOldValue: true });
const plain = new MutationObserver((rs) => console.log("plain", rs.map((r) => String(r.oldValue)).join(" ")));
plain.observe(t, { characterData: true });
t.data = "two";
t.textContent = "three";
t.appendData("+four");
t.nodeValue = null;
console.log("now", JSON.stringify(t.data), t.textContent === t.nodeValue);
