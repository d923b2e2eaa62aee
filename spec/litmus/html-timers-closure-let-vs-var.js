/*---
id: html-timers-closure-let-vs-var
description: "Loop closures: let gives each timer its own binding (0 1 2), var shares one (3 3 3)"
rules: [HTML-9]
source: "brief (closures capturing loop variables)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["let 0", "let 1", "let 2", "var 3", "var 3", "var 3"]
      status: completed
---*/
for (let i = 0; i < 3; i++) setTimeout(() => console.log("let " + i));
for (var j = 0; j < 3; j++) setTimeout(() => console.log("var " + j));
