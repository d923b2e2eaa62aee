const ch = new MessageChannel();
ch.port1.onmessage = () => console.log("message");
setTimeout(() => console.log("timeout"), 0);
ch.port2.postMessage(null);
