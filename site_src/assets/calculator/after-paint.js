// The calculator's interface modules, asked for once the page has drawn its first frame
// rather than by <script type=module> tags: module scripts hold DOMContentLoaded, hence
// `load`, which the runtime's start waits for (start-when.js), until every one is in and has
// run, and a page-speed audit (Lighthouse) puts each on the first paint's path. client.js stays
// a tag of the page (window.pricingCalculator from DOMContentLoaded on, for the page's
// scripts), and this one's tag comes after it: it runs after client.js. All are fetched at once
// (modulepreload), then run one after the other in the tag's order: ui.js before planner.js
// (its handlers on the form first).
//
//   <script type="module" src=".../after-paint.js" data-run="ui.js planner.js"
//           data-preload="render.js state.js ..."></script>   (URLs as the page names them)

const tag = document.querySelector("script[data-run]");
const urls = (name) => (tag.dataset[name] || "").split(" ").filter(Boolean)
  .map((href) => new URL(href, document.baseURI).href);

let asked = false;

function load() {
  if (asked) return;
  asked = true;
  for (const href of [...urls("run"), ...urls("preload")]) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
  urls("run").reduce((before, href) => before.then(() => import(href)), Promise.resolve());
}

// A link that names the calculator's inputs (a query: a shared estimate) needs ui.js at once,
// to show its inputs, greyed, rather than the build's estimate as if it were the link's. A page
// that draws no frame (opened in the background, or a frame out of sight, whose frames the
// browser holds back) has no paint to wait for: it loads them after a while instead.
const NO_FRAME_AFTER = 1000;
if (location.search) {
  load();
} else {
  requestAnimationFrame(() => setTimeout(load));
  setTimeout(load, NO_FRAME_AFTER);
}
