document.addEventListener("DOMContentLoaded", () => console.log("DOMContentLoaded"));
window.addEventListener("load", () => console.log("load"));
setTimeout(() => console.log("timeout 0"), 0);
const ch = new MessageChannel();
ch.port1.onmessage = () => console.log("message");
ch.port2.postMessage(1);
requestAnimationFrame(() => console.log("raf"));
