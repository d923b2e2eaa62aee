/*---
id: seed-003-hello-world-quiz
description: "Synchronous map logs run before a zero-delay timeout"
rules: [HTML-2, HTML-9]
source: "seed 003 (pop quiz: hello / w o r l d / !)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["w", "o", "r", "l", "d", "!", "hello"]
      status: completed
claims:
  - claim: 'always "!" before "hello"'
    holds: {html: true}
    why: "seed 003 quiz: synchronous logs before the setTimeout(0) callback"
---*/
setTimeout(() => console.log("hello"), 0);
["w", "o", "r", "l", "d"].map(str => console.log(str));
console.log("!");
