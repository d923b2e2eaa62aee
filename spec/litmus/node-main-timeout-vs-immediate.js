/*---
id: node-main-timeout-vs-immediate
description: "From the CommonJS main module setTimeout(0) vs setImmediate is not determined: the timeout runs first only if 1 ms has passed by the pre-loop timer pass. Observed (#n = n-th outcome below): node v20.20.2: #1 16/20, #2 4/20; node v22.23.3: #1 16/20, #2 4/20."
rules: [NODE-10, UV-1]
source: "spec-sources NODE-10 (Node 20: timeout first 13/20, Node 22: 3/20)"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["immediate", "timeout"]
      status: completed
    - log: ["timeout", "immediate"]
      status: completed
---*/
// NODE-10: from the CommonJS main module the order of setTimeout(0) and setImmediate is not
// determined: the timeout runs first only if 1 ms has passed by the pre-loop timer pass.
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
