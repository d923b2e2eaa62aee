requestAnimationFrame((t1) => {
  requestAnimationFrame((t2) => console.log("later frame, later timestamp:", t2 > t1));
});
