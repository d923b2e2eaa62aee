/*---
id: html-mo-one-notify-microtask
description: "HTML-12: the first mutation queues one notify microtask at that point in the FIFO; later records join it; the callback's promise jobs run after the whole notify"
rules: [HTML-12, HTML-6]
source: "spec-sources HTML-12, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["promise-before-mutation", "MO 3 attributes,childList,attributes", "promise-after-mutation1", "promise-after-mutation3", "MO.microtask"]
      status: completed
---*/
const el = document.createElement("div");
document.body.appendChild(el);
const mo = new MutationObserver((records) => {
  console.log("MO", records.length, records.map((r) => r.type).join(","));
  Promise.resolve().then(() => console.log("MO.microtask"));
});
mo.observe(el, { attributes: true, childList: true });
Promise.resolve().then(() => console.log("promise-before-mutation"));
el.setAttribute("a", "1");
Promise.resolve().then(() => console.log("promise-after-mutation1"));
el.appendChild(document.createElement("span"));
el.setAttribute("b", "2");
Promise.resolve().then(() => console.log("promise-after-mutation3"));
