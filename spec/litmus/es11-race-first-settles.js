/*---
id: es11-race-first-settles
description: "Promise.race settles with the first input to settle; later settlements are ignored"
rules: [ES-11, ES-5]
source: "spec-sources ES-11 (race)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["race fast", "race2 rejected fail2"]
      status: completed
---*/
function later(v, ms, fail) {
  return new Promise((res, rej) => setTimeout(() => { if (fail) { rej(new Error(v)); } else { res(v); } }, ms));
}
Promise.race([later("slow", 30, false), later("fast", 10, false), later("fail", 20, true)]).then(
  v => console.log("race " + v),
  e => console.log("race rejected " + e.message)
);
Promise.race([later("slow2", 30, false), later("fail2", 10, true)]).then(
  v => console.log("race2 " + v),
  e => console.log("race2 rejected " + e.message)
);
