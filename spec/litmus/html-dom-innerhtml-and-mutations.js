/*---
id: html-dom-innerhtml-and-mutations
description: "innerHTML replaces the children with parsed markup; a childList observer is notified once, in a microtask"
rules: [HTML-12]
source: "spec-sources HTML-12; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["null 2 2", "MO 1 childList"]
      status: completed
---*/
const box = document.createElement("div");
document.body.appendChild(box);
box.innerHTML = '<ul class="list"><li id="a">a</li><li>b</li></ul>';
new MutationObserver((rs) => console.log("MO", rs.length, rs[0].type)).observe(box, { childList: true });
box.innerHTML = '<p id="p1">x</p><p>y</p>';
console.log(document.getElementById("a"), document.querySelectorAll("p").length, box.children.length);
