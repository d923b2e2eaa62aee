/*---
id: html-domcontentloaded-then-load
description: "HTML 'the end': after the script, DOMContentLoaded fires at the document and then load at the window, each from a DOM manipulation task; readyState is loading during the script"
rules: [HTML-2, HTML-7, HTML-6]
source: "spec-sources HTML-2, HTML-7, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (10 runs), firefox 153.7.0esr headless (10 runs)]
outcomes:
  html:
    # seen in: chromium 10/10, firefox 10/10
    - log: ["script loading", "micro", "DOMContentLoaded", "DCL micro", "load", "onload"]
      status: completed
---*/
document.addEventListener("DOMContentLoaded", () => {
  console.log("DOMContentLoaded");
  Promise.resolve().then(() => console.log("DCL micro"));
});
window.addEventListener("load", () => console.log("load"));
window.onload = () => console.log("onload");
Promise.resolve().then(() => console.log("micro"));
console.log("script", document.readyState);
