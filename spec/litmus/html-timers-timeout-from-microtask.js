/*---
id: html-timers-timeout-from-microtask
description: "A timer scheduled from a microtask runs after timers scheduled by the script itself"
rules: [HTML-9, HTML-10, HTML-6]
source: "spec-sources HTML-9"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["from script", "from micro"]
      status: completed
---*/
Promise.resolve().then(() => {
  setTimeout(() => console.log("from micro"), 0);
});
setTimeout(() => console.log("from script"), 0);
