/*---
id: html-mc-reply-ping-pong
description: "Each message is a task: a reply posted from a handler runs after the handler's microtasks"
rules: [HTML-11, HTML-6]
source: "spec-sources HTML-11, HTML-6; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["port1 got 0", "port2 got 1", "micro after 1", "port1 got 2", "port2 got 3", "micro after 3", "port1 got 4"]
      status: completed
---*/
const ch = new MessageChannel();
let n = 0;
ch.port1.onmessage = (e) => {
  console.log("port1 got", e.data);
  if (e.data < 3) ch.port1.postMessage(e.data + 1);
};
ch.port2.onmessage = (e) => {
  console.log("port2 got", e.data);
  Promise.resolve().then(() => console.log("micro after", e.data));
  ch.port2.postMessage(e.data + 1);
};
ch.port2.postMessage(0);
