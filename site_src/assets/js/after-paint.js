// The pricing page's own scripts, asked for once the page has drawn its first frame rather than
// by tags: module scripts hold DOMContentLoaded, hence `load`, which the runtime's start waits
// for (calculator/start-when.js), and a page-speed audit (Lighthouse) puts every request that
// ends before the page's largest paint on that paint's path. They are the plan cards' toggles,
// the calculator's form (ui.js) and the planner: none draws what the first frame shows (the
// build prerendered it), they answer the visitor. client.js stays a tag of the page
// (window.pricingCalculator from DOMContentLoaded on, for the page's scripts), and this one's
// tag comes after it. All are fetched at once (modulepreload), then run one after the other in
// the tag's order (the toggles' plain scripts run as modules: each is one strict function).
//
//   <script type="module" src=".../after-paint.js" data-run="billing-toggle.js ... ui.js planner.js"
//           data-preload="render.js state.js ..."></script>   (URLs as the page names them)

const tag = document.querySelector("script[data-run]");
const urls = (name) => (tag.dataset[name] || "").split(" ").filter(Boolean)
  .map((href) => new URL(href, document.baseURI).href);

let asked = false;

function load() {
  if (asked) return;
  asked = true;
  document.head.append(...[...urls("run"), ...urls("preload")].map((href) =>
    Object.assign(document.createElement("link"), { rel: "modulepreload", href })));
  // one that fails is reported as any script's error, and the next ones still run
  urls("run").reduce((before, href) => before.then(() => import(href).catch(reportError)),
    Promise.resolve());
}

// A link with a query (a shared estimate, the cards' period or currency) needs them at once, to
// show what it names (the calculator's inputs greyed until priced) rather than the build's
// estimate and prices as if they were the link's. A page that draws no frame (opened in the
// background, or a frame out of sight, whose frames the browser holds back) has no paint to
// wait for: it loads them after a while instead.
const NO_FRAME_AFTER = 1000;
if (location.search) {
  load();
} else {
  requestAnimationFrame(() => setTimeout(load));
  setTimeout(load, NO_FRAME_AFTER);
}
