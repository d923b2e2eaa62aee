console.log("before");
class Queue {}
