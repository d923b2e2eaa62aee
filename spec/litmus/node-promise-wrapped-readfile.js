/*---
id: node-promise-wrapped-readfile
description: "A promise around fs.readFile: the nextTick queued in the I/O callback after settling runs before the awaiting function resumes (ticks drain before microtasks). Observed: node v20.20.2: 20/20; node v22.23.3: 20/20. bun 1.4.5: 20/20. node v24.21.0: 1 distinct outcome(s) in 10 runs (10/10), all listed."
rules: [NODE-3, UV-6, ES-9]
source: "spec-sources NODE-3"
hosts: [node, bun]
observed: [node v20.20.2, node v22.23.3, node v24.21.0, bun 1.4.5]
outcomes:
  node:
    - log: ["sync end", "tick after settling", "got text true", "tick after settling", "caught ENOENT", "main done"]
      status: completed
  bun:
    - log: ["sync end", "tick after settling", "got text true", "tick after settling", "caught ENOENT", "main done"]
      status: completed
---*/
// A hand-made promise around fs.readFile: the nextTick queued in the I/O callback after
// resolving runs before the awaiting function resumes (ticks drain before microtasks).
const fs = require("fs");
function read(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, "utf8", (err, data) => {
      if (err) reject(err);
      else resolve(data);
      process.nextTick(() => console.log("tick after settling"));
    });
  });
}
async function main() {
  const text = await read(__filename);
  console.log("got text " + (text.length > 0));
  try {
    await read("/nonexistent/evloop-missing.txt");
  } catch (e) {
    console.log("caught " + e.code);
  }
}
main().then(() => console.log("main done"));
console.log("sync end");
