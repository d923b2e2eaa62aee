/*---
id: format2-runtime-console
description: "FORMAT-2: on node and deno, console.log prints what the runtime prints — util.format and util.inspect (quotes, spacing, depth, line breaking at 80 columns, numbers grouped in columns, <ref *1>/[Circular *1], Promise { <pending> }, class names, null prototypes, %s %d %i %j %%). Deno is the same algorithm with its options (depth 4, double quotes first). An error prints its stack without the frames. Observed through the conformance harness (the runtimes own console text): node 20/22/24 1/1 each, deno 1/1."
rules: [FORMAT-2]
source: "spec FORMAT-2; Node.js lib/internal/util/inspect.js; Deno ext/console/01_console.js"
hosts: [node, node-esm, deno]
observed: [node v20.20.2, node v22.23.3, node v24.9.0, deno 2.9.6]
outcomes:
  node:
    - log:
        - "top-level string 42 -0 1.5 1e+21 null undefined true"
        - "[ 'a', 1, [ 2, [ 3, [Array] ] ] ] { a: 1, 'b c': 'x', nested: { d: { e: [Object] } } }"
        - "[] {} [Function: named] [Function (anonymous)] [AsyncFunction: af]"
        - "Promise { 1 } Promise { <pending> } Error: boom {\n  e: TypeError\n}"
        - "<ref *1> { self: [Circular *1], quote: \"it's\" } [ <1 empty item>, 1, <1 empty item> ] [Object: null prototype] {}"
        - "[\n    0,   7,  14,  21,  28,  35,  42,  49,\n   56,  63,  70,  77,  84,  91,  98, 105,\n  112, 119, 126, 133, 140, 147, 154, 161,\n  168, 175, 182, 189, 196, 203\n]"
        - "list has 3 items (42%) {\"k\":[1]} extra"
        - "Point { x: 1, y: 2 } {\n  long: 'a line that is long enough to break the object over several lines'\n}"
      status: completed
  node-esm:
    - log:
        - "top-level string 42 -0 1.5 1e+21 null undefined true"
        - "[ 'a', 1, [ 2, [ 3, [Array] ] ] ] { a: 1, 'b c': 'x', nested: { d: { e: [Object] } } }"
        - "[] {} [Function: named] [Function (anonymous)] [AsyncFunction: af]"
        - "Promise { 1 } Promise { <pending> } Error: boom {\n  e: TypeError\n}"
        - "<ref *1> { self: [Circular *1], quote: \"it's\" } [ <1 empty item>, 1, <1 empty item> ] [Object: null prototype] {}"
        - "[\n    0,   7,  14,  21,  28,  35,  42,  49,\n   56,  63,  70,  77,  84,  91,  98, 105,\n  112, 119, 126, 133, 140, 147, 154, 161,\n  168, 175, 182, 189, 196, 203\n]"
        - "list has 3 items (42%) {\"k\":[1]} extra"
        - "Point { x: 1, y: 2 } {\n  long: 'a line that is long enough to break the object over several lines'\n}"
      status: completed
  deno:
    - log:
        - "top-level string 42 -0 1.5 1e+21 null undefined true"
        - "[\n  \"a\",\n  1,\n  [ 2, [ 3, [ 4 ] ] ]\n] {\n  a: 1,\n  \"b c\": \"x\",\n  nested: { d: { e: { f: 1 } } }\n}"
        - "[] {} [Function: named] [Function (anonymous)] [AsyncFunction: af]"
        - "Promise { 1 } Promise { <pending> } Error: boom {\n  e: TypeError\n}"
        - "<ref *1> { self: [Circular *1], quote: \"it's\" } [ <1 empty item>, 1, <1 empty item> ] [Object: null prototype] {}"
        - "[\n    0,   7,  14,  21,  28,  35,  42,  49,\n   56,  63,  70,  77,  84,  91,  98, 105,\n  112, 119, 126, 133, 140, 147, 154, 161,\n  168, 175, 182, 189, 196, 203\n]"
        - "list has 3 items (42%) {\"k\":[1]} extra"
        - "Point { x: 1, y: 2 } {\n  long: \"a line that is long enough to break the object over several lines\"\n}"
      status: completed
---*/
console.log("top-level string", 42, -0, 1.5, 1e21, null, undefined, true);
console.log(["a", 1, [2, [3, [4]]]], {a: 1, "b c": "x", nested: {d: {e: {f: 1}}}});
console.log([], {}, function named() {}, () => 1, async function af() {});
console.log(Promise.resolve(1), new Promise(() => {}), new Error("boom"), {e: new TypeError("")});
const o = {self: null, quote: "it's"};
o.self = o;
console.log(o, [, 1, , ], Object.create(null));
const nums = [];
for (let i = 0; i < 30; i++) nums.push(i * 7);
console.log(nums);
console.log("%s has %d items (%i%%) %j", "list", 3, 42.5, {k: [1]}, "extra");
function Point(x, y) { this.x = x; this.y = y; }
console.log(new Point(1, 2), {long: "a line that is long enough to break the object over several lines"});
