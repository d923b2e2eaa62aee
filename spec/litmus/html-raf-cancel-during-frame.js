/*---
id: html-raf-cancel-during-frame
description: "HTML-5: cancelAnimationFrame of a callback in the running frame's snapshot takes effect now"
rules: [HTML-5]
source: "spec-sources HTML-5; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["first", "next frame"]
      status: completed
---*/
let second;
requestAnimationFrame(() => {
  console.log("first");
  cancelAnimationFrame(second);
  requestAnimationFrame(() => console.log("next frame"));
});
second = requestAnimationFrame(() => console.log("second (cancelled)"));
