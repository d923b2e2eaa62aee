const a = new MessageChannel();
const b = new MessageChannel();
a.port1.onmessage = () => console.log("a");
b.port1.onmessage = () => console.log("b");
a.port2.postMessage(null);
b.port2.postMessage(null);
