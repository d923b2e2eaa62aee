/*---
id: node-crypto-pbkdf2-in-io-callback
description: "A crypto.pbkdf2 job submitted from an I/O callback (poll phase), with a setTimeout(0) and a setImmediate. The immediate runs first (the check phase follows the poll phase, NODE-10); the job's callback needs a later poll phase, so in Node it comes after the timeout when the 1 ms timer is due at the end-of-iteration timer pass (UV-1) and before it otherwise. Observed: run directly (`node FILE`, 20 runs each), node v20.20.2, v22.23.3 and v24.9.0 printed 'stat, immediate, timeout, pbkdf2' 20/20 (also 20/20 on node v20.20.2 with a pbkdf2Sync warm-up in the main module); under the conformance harness (`evloop conform --runs 20`) both orders: (timeout first, pbkdf2 first) node v20.20.2 12/20, 8/20; node v22.23.3 9/20, 11/20; node v24.9.0 7/20, 13/20. Bun 1.4.5 (not checked: its model set also has the timeout before the immediate, the open discrepancy of node-io-callback-immediate-first): 'stat, pbkdf2, immediate, timeout' 11/20 and 'stat, immediate, pbkdf2, timeout' 9/20. Deno 2.9.6 (a .cjs copy): 'stat, pbkdf2, immediate, timeout' 12/20, 'stat, immediate, pbkdf2, timeout' 4/20, 'stat, immediate, timeout, pbkdf2' 2/20, 'stat, timeout, immediate, pbkdf2' 2/20."
rules: [UV-6, NODE-10, NODE-1]
source: "spec-sources UV-6, NODE-10"
hosts: [node]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["stat", "immediate", "timeout", "pbkdf2"]
      status: completed
    - log: ["stat", "immediate", "pbkdf2", "timeout"]
      status: completed
  bun:
    - log: ["stat", "pbkdf2", "immediate", "timeout"]
      status: completed
    - log: ["stat", "immediate", "pbkdf2", "timeout"]
      status: completed
  deno:
    - log: ["stat", "pbkdf2", "immediate", "timeout"]
      status: completed
    - log: ["stat", "immediate", "pbkdf2", "timeout"]
      status: completed
    - log: ["stat", "immediate", "timeout", "pbkdf2"]
      status: completed
    - log: ["stat", "timeout", "immediate", "pbkdf2"]
      status: completed
---*/
// UV-6 inside an I/O callback: the immediate first (check phase), then the job's callback
// and the timeout in whichever order the worker and the clock give.
const crypto = require("crypto");
const fs = require("fs");
fs.stat(__filename, () => {
  crypto.pbkdf2("password", "salt", 1, 32, "sha256", () => console.log("pbkdf2"));
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  console.log("stat");
});
