// Inside the embed page (docs/embed.md): tells the host page, and only the origins the site
// lists (site.embed.allowed_origins), how tall the calculator is and when it is live, and
// shows the chosen plan's call to action. A message posted to an origin the parent is not on
// is dropped by the browser, so naming each allowed origin never tells another site anything.
const PREFIX = "pricing-calculator:";
const root = document.querySelector("[data-embed]");
const origins = JSON.parse(document.getElementById("embed-origins").textContent);

function post(type, detail = {}) {
  if (window.parent === window) return; // opened on its own
  for (const origin of origins) window.parent.postMessage({ type: PREFIX + type, ...detail }, origin);
}

// The content's own height, not the document's: that is at least the frame's, so the frame
// could grow but never shrink.
let sent = 0;
function sendHeight() {
  const height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
  if (height !== sent) post("height", { height: (sent = height) });
}
new ResizeObserver(sendHeight).observe(root);
sendHeight();

window.pricingCalculator?.ready.then(() => post("ready"), () => {});
