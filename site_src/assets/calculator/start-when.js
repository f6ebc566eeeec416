// When the page starts the calculator's runtime (client.js waits for `whenToStart`). Its
// downloads are megabytes: begun before the page's largest paint, they compete with it on a slow
// network, and a page-speed audit (Lighthouse) counts them on that paint's path. So the start
// waits for the largest paint to settle, then comes as soon as the calculator is in view or
// the main thread is idle; a visitor who uses the calculator (or a script that asks it for a
// quote) starts it at once, and so does a returning visitor whose browser holds the runtime
// (nothing to download). With the browser's data saver on, only use starts it, and the page
// says so.
//
//   const reason = await whenToStart(root, asked, cached);
//     // "cached", "used", "asked", "in view" or "idle"; root: the calculator's element, or null;
//     // asked: resolves when a quote is asked for; cached: resolves true when the browser
//     // holds the runtime

// Frames in a row without a new largest-paint candidate: the paint has settled (a candidate is
// reported a frame or two after it is painted).
const QUIET_FRAMES = 3;
// A page that reports no paint (a tab in the background, a browser without the API) starts
// this long after `load`.
const NO_PAINT_AFTER = 2000;
// How long the start may wait for an idle main thread once the paint has settled.
const IDLE_TIMEOUT = 500;
// A visitor using the calculator: a field focused, pressed, typed into.
const USE = ["pointerdown", "keydown", "focusin", "input"];
// In view: the calculator's top within half a screen below the viewport.
const NEAR = "0px 0px 50% 0px";

export const savingData = () => navigator.connection?.saveData === true;

export function whenToStart(root, asked, cached) {
  return new Promise((resolve) => {
    const undo = [];
    let started = false;
    const start = (reason) => {
      if (started) return;
      started = true;
      for (const step of undo) step();
      resolve(reason);
    };
    asked.then(() => start("asked"));
    if (root) {
      const used = () => start("used");
      for (const type of USE) root.addEventListener(type, used, { capture: true, passive: true });
      undo.push(() => USE.forEach((type) => root.removeEventListener(type, used, { capture: true })));
    }
    cached.then((yes) => {
      if (yes) return start("cached");
      if (savingData()) return root?.querySelector("[data-save-data]")?.removeAttribute("hidden");
      return paintSettled().then(whenSettled);
    });
    function whenSettled() {
      if (started) return;
      if (root && "IntersectionObserver" in window) {
        const seen = new IntersectionObserver((entries) => {
          if (entries.some((entry) => entry.isIntersecting)) start("in view");
        }, { rootMargin: NEAR });
        seen.observe(root);
        undo.push(() => seen.disconnect());
      }
      whenIdle(() => start("idle"));
    }
  });
}

// Resolves once `load` has fired and the largest paint has settled: a candidate reported and
// QUIET_FRAMES frames drawn since the last one; or NO_PAINT_AFTER ms after `load` if none comes.
export function paintSettled() {
  const candidates = { count: 0 };
  const supported = PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint");
  let observer = null;
  if (supported) {
    observer = new PerformanceObserver((list) => (candidates.count += list.getEntries().length));
    observer.observe({ type: "largest-contentful-paint", buffered: true });
  }
  return loaded().then(() => new Promise((resolve) => {
    let finished = false;
    const done = () => {
      finished = true;
      clearTimeout(fallback);
      observer?.disconnect();
      resolve();
    };
    const fallback = setTimeout(done, NO_PAINT_AFTER);
    let seen = -1;
    let quiet = 0;
    const frame = () => {
      if (finished) return;
      if (candidates.count !== seen || candidates.count === 0 && supported) {
        seen = candidates.count;
        quiet = 0;
      } else if (++quiet >= QUIET_FRAMES) {
        return done();
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

export function loaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
}

function whenIdle(then) {
  if ("requestIdleCallback" in window) requestIdleCallback(then, { timeout: IDLE_TIMEOUT });
  else setTimeout(then, 0);
}
