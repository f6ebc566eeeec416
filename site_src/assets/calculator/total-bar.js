// The total kept in sight: on a phone the bill is a screen or more below the field being
// edited, so a compact copy of its total (calculator-result.html's total bar, filled by
// render.js with the rest of the bill) stands at the bottom of the screen while the form is
// on screen and the bill's own total is not, and gives way as soon as that total comes in.

export function keepTotalInSight(form, result) {
  const bar = result.querySelector("[data-slot=total-bar]");
  const total = result.querySelector(".rk-bill__total");
  if (!bar || !total || !("IntersectionObserver" in window)) return;
  const onScreen = new Map();
  // the bill's total counts as seen only above the bar, which covers the bottom of the screen
  // (a root margin takes px or %, not rem)
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) onScreen.set(entry.target, entry.isIntersecting);
    bar.hidden = !onScreen.get(form) || onScreen.get(total);
  }, { rootMargin: "0px 0px -80px 0px" });
  observer.observe(form);
  observer.observe(total);
}
