/*---
id: seed-001-fetch-race
description: "Seed 001: two fetches log in whichever order the responses arrive (HTML-15: each completion is a host choice). Observed with responses delayed 0-30 ms at random on 127.0.0.1: Chromium 'a b' 11/20, 'b a' 9/20; Firefox 'a b' 11/20, 'b a' 9/20; Node (fetch against the same loopback server, one response delayed 200 ms) 'a b' and 'b a'."
rules: [HTML-15, HTML-2, ES-3]
source: "seed 001 (Non-determinism: logs a b or b a, no guarantees)"
hosts: [html, node]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless, node v20.20.2]
outcomes:
  html:
    - log: ["a", "b"]
      status: completed
    - log: ["b", "a"]
      status: completed
  node:
    - log: ["a", "b"]
      status: completed
    - log: ["b", "a"]
      status: completed
claims:
  - claim: 'sometimes "a" before "b" and sometimes "b" before "a"'
    holds: true
    why: HTML-15 (the network decides which request completes first)
  - claim: 'always "a" before "b"'
    holds: false
  - claim: 'always (logs "a" and logs "b") and always status == completed'
    holds: true
---*/
// logs a b or b a, no guarantees
fetch("a.com").then(() => {console.log("a")});
fetch("b.com").then(() => {console.log("b")});
