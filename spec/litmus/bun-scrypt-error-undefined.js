/*---
id: bun-scrypt-error-undefined
description: "UV-6, RT-1: a successful crypto.scrypt calls back with null as its error in Node, undefined in Bun; pbkdf2 passes null on both. Each job is submitted from the previous one's callback, so there is one order. Observed: node v20.20.2: 10/10; bun 1.4.5: 10/10 (scrypt_error_undefined). Deno is not checked: a .js main is an ES module there, where require is not defined."
rules: [UV-6, RT-1]
source: "Node doc/api/crypto.md crypto.scrypt (callback(err, derivedKey)); measured on Bun"
hosts: [node, bun]
observed: [node v20.20.2 (10 runs), bun 1.4.5 (10 runs)]
outcomes:
  node:
    - log: ["pbkdf2 null 16", "scrypt null 16", "done"]
      status: completed
  bun:
    - log: ["pbkdf2 null 16", "scrypt undefined 16", "done"]
      status: completed
---*/
// RT-1: Bun's scrypt passes undefined, not null, as the error of a successful derivation.
const crypto = require("crypto");
crypto.pbkdf2("password", "salt", 1, 16, "sha256", (err, key) => {
  console.log("pbkdf2", err, key.length);
  crypto.scrypt("password", "NaCl", 16, (err2, key2) => {
    console.log("scrypt", err2, key2.length);
    console.log("done");
  });
});
