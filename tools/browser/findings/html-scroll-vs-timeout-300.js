// dom: <div id="tall" style="height: 5000px">tall</div>
let n = 0;
window.addEventListener("scroll", () => {
  n++;
  console.log("scroll", n, window.scrollY);
});
window.scrollTo(0, 100);
window.scrollBy(0, 50);
window.scrollTo({ top: 300 });
setTimeout(() => console.log("timeout", n), 300);
