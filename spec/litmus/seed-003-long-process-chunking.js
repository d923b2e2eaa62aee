/*---
id: seed-003-long-process-chunking
description: "Chunking work with setTimeout(iterator, 0): each item renders in its own task, and microtasks queued by a chunk run before the next chunk"
rules: [HTML-2, HTML-6, HTML-9, HTML-10]
source: "seed 003 (longProcess with setTimeout; array clone via map, render logs)"
hosts: [html]
observed: [node v20.20.2, chromium 156.0.8078.79 headless]
outcomes:
  html:
    - log: ["started", "render a", "micro a", "other timer", "render b", "micro b", "render c", "micro c", "render d", "micro d"]
      status: completed
claims:
  - claim: 'sometimes "other timer" before "render d"'
    holds: {html: true}
    why: "seed 003: setTimeout(iterator, 0) chunking lets other tasks run between chunks"
---*/
function longProcess(array, render) {
  const items = array.map(x => x); //clone the array
  const iterator = () => {
    const item = items.shift();
    render(item);
    if (items.length > 0) setTimeout(iterator, 0);
  };
  setTimeout(iterator, 0);
}
longProcess(["a", "b", "c", "d"], item => {
  console.log("render " + item);
  Promise.resolve().then(() => console.log("micro " + item));
});
setTimeout(() => console.log("other timer"), 0);
console.log("started");
