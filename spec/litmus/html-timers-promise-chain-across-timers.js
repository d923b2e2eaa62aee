/*---
id: html-timers-promise-chain-across-timers
description: "An async function awaiting promisified timers resumes once per timer task, with sibling microtasks in between"
rules: [HTML-9, ES-9, ES-10]
source: "seed 001 (promisified timeout) + spec-sources ES-9"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["start", "sync end", "plain 1", "after 5", "after 10", "finished"]
      status: completed
---*/
function sleep(ms) {
  return new Promise(r => setTimeout(r, ms));
}
async function run() {
  console.log("start");
  await sleep(5);
  console.log("after 5");
  await sleep(5);
  console.log("after 10");
  return "finished";
}
run().then(v => console.log(v));
setTimeout(() => console.log("plain 1"), 1);
console.log("sync end");
