/*---
id: html-postmessage-function-throws
description: "A function cannot be cloned: postMessage throws a DataCloneError synchronously"
rules: [HTML-11]
source: "spec-sources HTML-11; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["threw", "timeout"]
      status: completed
---*/
const ch = new MessageChannel();
ch.port1.onmessage = () => console.log("message");
try {
  ch.port2.postMessage(() => 1);
} catch (e) {
  console.log("threw");
}
setTimeout(() => console.log("timeout"), 20);
