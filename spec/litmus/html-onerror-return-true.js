/*---
id: html-onerror-return-true
description: "window.onerror is called with (message, source, lineno, colno, error); returning true cancels the report"
rules: [HTML-7]
source: "spec-sources HTML-7; outcomes observed with tools/browser/run.js"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (5 runs), firefox 153.7.0esr headless (5 runs)]
outcomes:
  html:
    # seen in: chromium 5/5, firefox 5/5
    - log: ["onerror string handled by onerror"]
      status: completed
---*/
window.onerror = (message, source, lineno, colno, error) => {
  console.log("onerror", typeof message, error.message);
  return true;
};
setTimeout(() => { throw new Error("handled by onerror"); }, 0);
