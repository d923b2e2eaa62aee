/*---
id: html-mc-structured-clone-at-post
description: "postMessage serializes the message when it is posted: later mutation is not seen"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["{n: 1, list: [1, 2]} false"]
      status: completed
---*/
const ch = new MessageChannel();
const obj = { n: 1, list: [1, 2] };
ch.port1.onmessage = (e) => console.log(e.data, e.data === obj);
ch.port2.postMessage(obj);
obj.n = 2;
obj.list.push(3);
