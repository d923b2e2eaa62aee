/*---
id: node-crypto-two-pbkdf2-either-order
description: "Two crypto.pbkdf2 jobs of the same cost run on two thread-pool workers at once and call back in completion order (UV-6), which submission order does not fix: both orders occur. Observed (a first, b first): node v20.20.2 14/20, 6/20; node v22.23.3 9/20, 11/20; node v24.9.0 11/20, 9/20; bun 1.4.5 11/20, 9/20; deno 2.9.6 (a .cjs copy, not checked: the litmus loader reads no .cjs main) 11/20, 9/20."
rules: [UV-6]
source: "spec-sources UV-6 (4 workers, completion order)"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["pbkdf2 a", "pbkdf2 b"]
      status: completed
    - log: ["pbkdf2 b", "pbkdf2 a"]
      status: completed
  bun:
    - log: ["pbkdf2 a", "pbkdf2 b"]
      status: completed
    - log: ["pbkdf2 b", "pbkdf2 a"]
      status: completed
  deno:
    - log: ["pbkdf2 a", "pbkdf2 b"]
      status: completed
    - log: ["pbkdf2 b", "pbkdf2 a"]
      status: completed
---*/
// UV-6: two equally expensive jobs on two workers; whichever finishes first calls back first.
const crypto = require("crypto");
crypto.pbkdf2("a", "salt", 20000, 32, "sha256", () => console.log("pbkdf2 a"));
crypto.pbkdf2("b", "salt", 20000, 32, "sha256", () => console.log("pbkdf2 b"));
