// Material's bundle (search, the palette toggle, back to top, the header's title on scroll),
// loaded once the page's largest paint has settled instead of by a tag the browser fetches
// with the page: a page-speed audit (Lighthouse) puts every request made before the largest
// paint on that paint's path, and the bundle, uncompressed on a plain host, was most of the
// landing page's bytes there. A visitor reaching for the page's controls first loads it then.
// (So does a FAQ list's opener, js/faq-target.js, below.)
//
// Material starts its components on DOMContentLoaded, long past when the bundle runs, so the
// document is handed to its `document$` (the subject they mount on, and Material's hook for a
// site's own scripts), once `load` has fired: DOMContentLoaded is then surely behind, and
// Material's own listener for it can never fire as well.
import { loaded, paintSettled } from "../calculator/start-when.js";

const tag = document.querySelector("script[data-material-bundle]");
const USE = ["pointerdown", "keydown", "focusin"];
let started = false;

function start() {
  if (started) return;
  started = true;
  USE.forEach((type) => removeEventListener(type, start, { capture: true }));
  loaded().then(() => {
    const bundle = document.createElement("script");
    bundle.src = tag.dataset.materialBundle;
    bundle.addEventListener("load", () => window.document$?.next(document));
    document.body.append(bundle);
  });
}

USE.forEach((type) => addEventListener(type, start, { capture: true, passive: true }));
paintSettled().then(start);

// After the paint too, on a page with a FAQ list: a link to one of its questions opens it (the
// pricing page's after-paint.js imports the same module: it runs once).
if (document.querySelector("details.rk-faq__item[id]")) paintSettled().then(() => import("./faq-target.js"));
