window.addEventListener("unhandledrejection", (e) => {
  console.log("unhandledrejection", e.reason, e.promise === p);
  e.preventDefault();
});
const p = Promise.reject("r");
setTimeout(() => console.log("timeout"), 0);
console.log("script");
