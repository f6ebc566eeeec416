// Analytics hooks for A/B builds (loaded only when plans.yaml has a variants: section).
// Dispatches DOM CustomEvents on document: experiment_viewed (once per visit, remembered in
// sessionStorage) and cta_click (a call-to-action button); the calculator's own calculator_used
// event bubbles to document as it is. Each is also pushed to window.dataLayer when the page defines
// one; this file loads no analytics script and sends nothing anywhere.
(() => {
  const root = document.documentElement;
  const experiment = root.dataset.experiment;
  const variant = root.dataset.variant;
  if (!experiment) return;

  const emit = (name, detail, dispatch = true) => {
    const data = { experiment, variant, ...detail };
    if (dispatch) document.dispatchEvent(new CustomEvent(name, { detail: data }));
    if (Array.isArray(window.dataLayer)) window.dataLayer.push({ event: name, ...data });
  };

  const seenKey = `experiment_viewed:${experiment}`;
  let seen = null;
  try { seen = sessionStorage.getItem(seenKey); } catch (e) { /* storage blocked */ }
  if (seen !== variant) {
    try { sessionStorage.setItem(seenKey, variant); } catch (e) { /* storage blocked */ }
    emit("experiment_viewed", { page: location.pathname });
  }

  document.addEventListener("click", (event) => {
    const cta = event.target.closest && event.target.closest("a.md-button, [data-cta]");
    if (cta) emit("cta_click", { label: cta.textContent.trim(), href: cta.getAttribute("href") || "" });
  });

  // The calculator's event already bubbles to document; add it to dataLayer only.
  document.addEventListener("calculator_used", (event) => {
    emit("calculator_used", { ...(event.detail || {}) }, false);
  });
})();
