/*---
id: seed-001-two-timeouts-in-order
description: >-
  Seed 001 says two subsequent setTimeout(..., 0) calls "may or may not be in order". The
  specification refutes that: HTML-10 step 4.2 makes a timer wait until every earlier
  invocation with the same global and a delay no longer than its own has completed, so equal
  delays fire in call order (Node: NODE-7, one list per duration, appended in call order).
  The claim `always "t1" before "t2"` holds on every schedule.
rules: [HTML-9, HTML-10, NODE-7]
source: "seed 001 (Non-determinism: two subsequent setTimeout(..., 0) calls)"
hosts: [html, node]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "t2"]
      status: completed
  node:
    - log: ["t1", "t2"]
      status: completed
claims:
  - claim: 'always "t1" before "t2"'
    holds: {html: true, node: true}
    why: HTML-10 step 4.2 (equal delays fire in call order); NODE-7
  - claim: 'sometimes "t2" before "t1"'
    holds: {html: false, node: false}
    why: the seed's "may or may not be in order", refuted
---*/
setTimeout(() => console.log("t1"), 0);
setTimeout(() => console.log("t2"), 0);
