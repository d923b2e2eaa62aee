/*---
id: node-timers-delay-overflow
description: "A delay above 2**31-1 becomes 1 ms (with a TimeoutOverflowWarning on stderr), so it fires before a 30 ms timer created earlier. Observed: node v20.20.2: 20/20; node v22.23.3: 20/20."
rules: [NODE-6]
source: "spec-sources NODE-6"
hosts: [node]
observed: [node v20.20.2, node v22.23.3]
outcomes:
  node:
    - log: ["2**31 ms", "30 ms"]
      status: completed
---*/
// NODE-6: a delay above 2**31-1 becomes 1 ms (with a TimeoutOverflowWarning on stderr),
// so it fires before a 30 ms timer created earlier.
setTimeout(() => console.log("30 ms"), 30);
setTimeout(() => console.log("2**31 ms"), 2 ** 31);
