/*---
id: html-xhr-readystate-events
description: "XMLHttpRequest: open fires readystatechange synchronously; the response brings states 2, 3, 4, then load and loadend, with a checkpoint after each listener"
rules: [HTML-15, HTML-7]
source: "spec-sources HTML-15, HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["rsc 1", "opened 1", "sent 1", "rsc 2", "rsc 3", "rsc 4", "load 200 {\"path\":\"/net/a\"}", "micro", "loadend"]
      status: completed
---*/
const x = new XMLHttpRequest();
x.onreadystatechange = () => console.log("rsc", x.readyState);
x.onload = () => {
  console.log("load", x.status, x.responseText);
  Promise.resolve().then(() => console.log("micro"));
};
x.onloadend = () => console.log("loadend");
x.open("GET", "/net/a");
console.log("opened", x.readyState);
x.send();
console.log("sent", x.readyState);
