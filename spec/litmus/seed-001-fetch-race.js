/*---
id: seed-001-fetch-race
description: "Seed 001: two fetches log in whichever order the responses arrive (HTML-15: each completion is a host choice). Observed with responses delayed 0-30 ms at random on 127.0.0.1: Chromium 'a b' 11/20, 'b a' 9/20; Firefox 'a b' 11/20, 'b a' 9/20."
rules: [HTML-15, HTML-2, ES-3]
source: "seed 001 (Non-determinism: logs a b or b a, no guarantees)"
hosts: [html]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless]
outcomes:
  html:
    - log: ["a", "b"]
      status: completed
    - log: ["b", "a"]
      status: completed
---*/
// logs a b or b a, no guarantees
fetch("a.com").then(() => {console.log("a")});
fetch("b.com").then(() => {console.log("b")});
