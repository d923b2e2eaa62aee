/*---
id: seed-001-shared-state-race
description: "Seed 001: two fetch handlers update shared state; the final value depends on which response arrives first (6 if a.com first, 4 if b.com first). Observed with responses delayed 0-30 ms at random on 127.0.0.1: Chromium '6' 11/20, '4' 9/20; Firefox '6' 13/20, '4' 7/20; Node (fetch against the same loopback server, one response delayed 200 ms) '6' and '4'."
rules: [HTML-15, ES-11]
source: "seed 001 (Race conditions: logs 6 or 4, no guarantees)"
hosts: [html, node]
observed: [chromium 156.0.8078.79 headless, firefox 153.7.0esr headless, node v20.20.2]
outcomes:
  html:
    - log: ["4"]
      status: completed
      vars: {a: "4"}
    - log: ["6"]
      status: completed
      vars: {a: "6"}
  node:
    - log: ["4"]
      status: completed
      vars: {a: "4"}
    - log: ["6"]
      status: completed
      vars: {a: "6"}
claims:
  - claim: 'always (a == 4 or a == 6)'
    holds: true
  - claim: 'sometimes a == 4 and sometimes a == 6'
    holds: true
    why: HTML-15 (either request may complete first)
  - claim: 'always log == ["6"]'
    holds: false
---*/
// logs 6 or 4, no guarantees
let a = 1;
Promise.all([
fetch("a.com").then(() => {a = a + 2;}),
fetch("b.com").then(() => {a = a * 2;})
]).then(() => {console.log(a)});
