/*---
id: format1-logged-values
description: "FORMAT-1: the canonical formatting of console.log arguments (top-level strings raw, nested strings JSON-quoted, -0, [Array]/[Object] past depth 3, [Function name], Promise {}, Name: message, [Circular]). Observed with tools/browser/run.js, whose page formats real values by the same rule: chromium 2/2, firefox 2/2."
rules: [FORMAT-1]
source: "spec FORMAT-1; engine/src/format.rs"
hosts: [html]
observed: [chromium 156.0.8078.79 headless (2 runs), firefox 153.7.0esr headless (2 runs)]
outcomes:
  html:
    - log:
        - "top-level string 42 -0 1.5 1e+21 null undefined true"
        - '["a", 1, [2, [3, [Array]]]] {a: 1, "b c": "x", nested: {d: {e: [Object]}}}'
        - "[] {} [Function named] [Function (anonymous)]"
        - "Promise {} Error: boom TypeError"
        - "{self: [Circular]}"
      status: completed
---*/
console.log("top-level string", 42, -0, 1.5, 1e21, null, undefined, true);
console.log(["a", 1, [2, [3, [4]]]], {a: 1, "b c": "x", nested: {d: {e: {f: 1}}}});
console.log([], {}, function named() {}, () => 1);
console.log(Promise.resolve(1), new Error("boom"), new TypeError(""));
const o = {self: null};
o.self = o;
console.log(o);
