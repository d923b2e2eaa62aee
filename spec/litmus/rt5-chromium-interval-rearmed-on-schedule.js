/*---
id: rt5-chromium-interval-rearmed-on-schedule
description: "HTML-9 re-runs the timer initialization steps after an interval's callback, so its next run is due `timeout` after the task: A (a 5 ms timeout) busy-waits 60 ms and sets B for 40 ms (due ~105 ms); the 50 ms interval, late, runs at ~65 ms and is due again at ~115 ms, after B (HTML-10 step 4.2 orders it after B too). Chromium re-arms an interval on its original schedule (Blink TimerBase::RunInternal: next = now + (interval - (now - next_fire_time) % interval), 'drift free'), so the second run is due at 100 ms, before B (profile flag interval_rearm_on_schedule, RT-5). Found by `evloop fuzz --host html` (seed 2026: an interval's second run before a 1 ms timeout set before the re-arm; tools/browser/findings/html-interval-catches-up-on-schedule.js). Observed on a loaded machine (two fuzz runs and three cargo builds on two cores), 20 runs each: chromium 156.0.8078.129 A, I:1, I:2, B 19/20 and A, I:1, B, I:2 1/20 (A itself ran more than 35 ms late: allowed under load, MODEL-7); firefox 153.8.0esr A, I:1, B, I:2 20/20. With a 20 ms interval and a 25 ms busy-wait (B 15 ms): chromium 17/20 and 3/20, firefox 20/20 B first."
rules: [RT-5, HTML-9, HTML-10, MODEL-1]
source: "Chromium third_party/blink/renderer/platform/timer.cc TimerBase::RunInternal; measured (Chromium 156, Firefox 153 ESR)"
hosts: [html, chromium]
observed: [chromium 156.0.8078.129 headless (20 runs), firefox 153.8.0esr headless (20 runs)]
outcomes:
  html:
    - log: ["A", "I:1", "B", "I:2"]
      status: completed
  chromium:
    - log: ["A", "I:1", "I:2", "B"]
      status: completed
---*/
// Chromium keeps an interval on its original schedule; HTML re-arms it from the callback.
let n = 0;
const h = setInterval(() => { n++; console.log("I:" + n); if (n === 2) clearInterval(h); }, 50);
setTimeout(() => {
  console.log("A");
  const t = Date.now();
  while (Date.now() - t < 60);
  setTimeout(() => console.log("B"), 40);
}, 5);
