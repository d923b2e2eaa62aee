fetch("/net/a").then((r) => {
  console.log("response", r.ok, r.status);
  setTimeout(() => console.log("timeout"), 0);
  r.text().then((t) => console.log("text", t));
  Promise.resolve().then(() => console.log("micro"));
});
