/*---
id: html-events-getelementbyid-queryselector
description: "A minimal DOM: getElementById, querySelector by id, class and tag, classList"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["true true true", "b true true b c"]
      status: completed
---*/
const d = document.createElement("div");
d.id = "box";
d.classList.add("a");
d.classList.add("b");
d.classList.remove("a");
const s = document.createElement("span");
d.appendChild(s);
document.body.appendChild(d);
console.log(document.getElementById("box") === d, document.querySelector(".b") === d, d.querySelector("span") === s);
console.log(d.className, d.classList.contains("b"), d.classList.toggle("c"), d.className);
