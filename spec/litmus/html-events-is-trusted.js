/*---
id: html-events-is-trusted
description: "Events the user agent dispatches are trusted; el.click() and dispatchEvent from script are not"
rules: [HTML-7, HTML-11]
source: "spec-sources HTML-7, HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["click() isTrusted false", "dispatchEvent isTrusted false", "message isTrusted true"]
      status: completed
---*/
const el = document.createElement("div");
el.addEventListener("click", (e) => console.log("click() isTrusted", e.isTrusted));
el.addEventListener("x", (e) => console.log("dispatchEvent isTrusted", e.isTrusted));
el.click();
el.dispatchEvent(new Event("x"));
const ch = new MessageChannel();
ch.port1.onmessage = (e) => console.log("message isTrusted", e.isTrusted);
ch.port2.postMessage(0);
