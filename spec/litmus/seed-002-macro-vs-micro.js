/*---
id: seed-002-macro-vs-micro
description: "Executor runs synchronously, then the promise reaction, then the timeout: 2 4 5 3 1"
rules: [ES-4, ES-5, HTML-2]
source: "seed 002 (macro vs micro task)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["2", "4", "5", "3", "1"]
      status: completed
claims:
  - claim: 'always "3" before "1"'
    holds: {html: true}
    why: "seed 002: \"promise is a micro task which has higher priority than setTimeout\" (HTML-6 after the script task)"
  - claim: 'always log == ["2", "4", "5", "3", "1"]'
    holds: {html: true}
    why: "seed 002: the printed order 2 4 5 3 1"
---*/
setTimeout(function () {
  console.log(1);
}, 0);
new Promise(function (resolve, reject) {
  console.log(2);
  resolve(3);
  console.log(4);
}).then(function (value) {
  console.log(value);
});
console.log(5);
