let n1 = 0;
const h1 = setInterval(() => { n1++; console.log("L1:" + n1); if (n1 === 2) clearInterval(h1); }, 2);
setTimeout(() => {
  console.log("L2");
  Promise.resolve({ then(r) { console.log("L3"); r(1); } })
    .then(() => { console.log("L4"); requestAnimationFrame(() => { console.log("L5"); }); })
    .catch(() => {});
  setTimeout(() => {
    console.log("L6");
    requestAnimationFrame(() => { console.log("L7"); });
    console.log("L8");
  }, 1);
}, 1);
