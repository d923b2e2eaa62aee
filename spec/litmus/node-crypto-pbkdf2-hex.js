/*---
id: node-crypto-pbkdf2-hex
description: "The derived keys are computed for real: PBKDF2-HMAC-SHA256/SHA1/SHA512 (the SHA1 one is RFC 6070's test vector), scrypt with Node's defaults (N=16384, r=8, p=1), hex and base64 output; an unknown digest throws synchronously (TypeError ERR_CRYPTO_INVALID_DIGEST, from the PBKDF2Job constructor); randomBytes' content is nondeterministic, so only its length is printed. Each job is submitted from the previous one's callback, so there is one order. Observed 20/20 on node v20.20.2, v22.23.3, v24.9.0, bun 1.4.5 and deno 2.9.6 (a .cjs copy; not checked, the litmus loader reads no .cjs main)."
rules: [UV-6]
source: "Node doc/api/crypto.md crypto.pbkdf2, crypto.scrypt, crypto.randomBytes; RFC 6070"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, bun 1.4.5, deno 2.9.6]
outcomes:
  node:
    - log: ["TypeError ERR_CRYPTO_INVALID_DIGEST: Invalid digest: nope", "sync 1998f3d3f22119b7", "sha256 32 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b", "sha1 4b007901b765489abead49d926f721d065a429c1", "sha512 +TH1RddNW3rZS5JqaJqbieZLs8UwRoNbAnsG/DRiuffwE71iwH1MAdVxVJtvRQEDCiNL/N0xXRumeVAOv+f2WA==", "scrypt a8430d7e581f9ca03c952df506ac66c7", "randomBytes 8"]
      status: completed
  bun:
    - log: ["TypeError ERR_CRYPTO_INVALID_DIGEST: Invalid digest: nope", "sync 1998f3d3f22119b7", "sha256 32 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b", "sha1 4b007901b765489abead49d926f721d065a429c1", "sha512 +TH1RddNW3rZS5JqaJqbieZLs8UwRoNbAnsG/DRiuffwE71iwH1MAdVxVJtvRQEDCiNL/N0xXRumeVAOv+f2WA==", "scrypt a8430d7e581f9ca03c952df506ac66c7", "randomBytes 8"]
      status: completed
  deno:
    - log: ["TypeError ERR_CRYPTO_INVALID_DIGEST: Invalid digest: nope", "sync 1998f3d3f22119b7", "sha256 32 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b", "sha1 4b007901b765489abead49d926f721d065a429c1", "sha512 +TH1RddNW3rZS5JqaJqbieZLs8UwRoNbAnsG/DRiuffwE71iwH1MAdVxVJtvRQEDCiNL/N0xXRumeVAOv+f2WA==", "scrypt a8430d7e581f9ca03c952df506ac66c7", "randomBytes 8"]
      status: completed
---*/
// UV-6: each job calls back in the poll phase with (null, buf); the keys are real.
const crypto = require("crypto");
try {
  crypto.pbkdf2("password", "salt", 1, 32, "nope", () => console.log("never"));
} catch (e) {
  console.log(e.name + " " + e.code + ": " + e.message);
}
crypto.pbkdf2("password", "salt", 1, 32, "sha256", (err, key) => {
  console.log("sha256 " + key.length + " " + key.toString("hex"));
  crypto.pbkdf2("password", "salt", 4096, 20, "sha1", (err, key) => {
    console.log("sha1 " + key.toString("hex"));
    crypto.pbkdf2("pass", "NaCl", 1000, 64, "sha512", (err, key) => {
      console.log("sha512 " + key.toString("base64"));
      crypto.scrypt("password", "NaCl", 16, (err, key) => {
        console.log("scrypt " + key.toString("hex"));
        crypto.randomBytes(8, (err, buf) => console.log("randomBytes " + buf.length));
      });
    });
  });
});
console.log("sync " + crypto.pbkdf2Sync("p", "s", 2, 8, "sha256").toString("hex"));
