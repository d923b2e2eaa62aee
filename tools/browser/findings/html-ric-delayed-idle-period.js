setTimeout(() => console.log("timeout"), 30);
requestIdleCallback((d) => console.log("idle", d.timeRemaining() <= 30));
