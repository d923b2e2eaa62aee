console.log("before");
function* queue() {}
