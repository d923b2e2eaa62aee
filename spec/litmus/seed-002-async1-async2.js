/*---
id: seed-002-async1-async2
description: "The classic async1/async2 quiz: await of an async function's already-resolved promise costs one tick"
rules: [ES-9, ES-10, HTML-2]
source: "seed 002 (async1/async2 quiz)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["script start", "async1 start", "async2", "promise1", "script end", "async1 end", "promise2", "setTimeout"]
      status: completed
claims:
  - claim: 'always log == ["script start", "async1 start", "async2", "promise1", "script end", "async1 end", "promise2", "setTimeout"]'
    holds: {html: true}
    why: "seed 002: the printed order (ES-9 await costs one tick for a non-promise result; ES-10)"
---*/
async function async1() {
  console.log("async1 start");
  await async2();
  console.log("async1 end");
}
async function async2() {
  console.log("async2");
}
console.log("script start");
setTimeout(function () {
  console.log("setTimeout");
}, 0);
async1();
new Promise(function (resolve) {
  console.log("promise1");
  resolve();
}).then(function () {
  console.log("promise2");
});
console.log("script end");
