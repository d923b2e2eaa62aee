/*---
id: es11-race-empty-never-settles
description: "Promise.race([]) never settles"
rules: [ES-11]
source: "spec-sources ES-11"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["timer done"]
      status: completed
---*/
Promise.race([]).then(() => console.log("fulfilled"), () => console.log("rejected"));
setTimeout(() => console.log("timer done"), 20);
