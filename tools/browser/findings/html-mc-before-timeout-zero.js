const ch = new MessageChannel();
ch.port1.onmessage = () => console.log("message");
ch.port2.postMessage(null);
setTimeout(() => console.log("timeout"), 0);
