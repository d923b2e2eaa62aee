/*---
id: html-raf-nested-waits-next-frame
description: "HTML-5 snapshot: a rAF requested inside a rAF callback runs in the next frame, after its sibling"
rules: [HTML-5, HTML-4]
source: "spec-sources HTML-5, HTML-4; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["A", "B", "C (next frame)"]
      status: completed
---*/
requestAnimationFrame(() => {
  console.log("A");
  requestAnimationFrame(() => console.log("C (next frame)"));
});
requestAnimationFrame(() => console.log("B"));
