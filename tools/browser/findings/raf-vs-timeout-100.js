setTimeout(() => console.log("timeout 100"), 100);
requestAnimationFrame(() => console.log("raf"));
