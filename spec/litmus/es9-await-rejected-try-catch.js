/*---
id: es9-await-rejected-try-catch
description: "try/catch around await of a rejected promise catches the reason at t1; execution continues after the catch (tick clock t1..t6 started first; cb at tN prints right after tN)"
rules: [ES-9, ES-10]
source: "spec-sources ES-9 (onRejected resumes with a throw)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["t1", "cb caught bad", "after try", "t2", "result done", "t3", "t4", "t5", "t6"]
      status: completed
---*/
const clock = Promise.resolve();
clock.then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5")).then(() => console.log("t6"));

async function f() {
  try {
    await Promise.reject(new Error("bad"));
    console.log("not reached");
  } catch (e) {
    console.log("cb caught " + e.message);
  }
  console.log("after try");
  return "done";
}
f().then(v => console.log("result " + v));
