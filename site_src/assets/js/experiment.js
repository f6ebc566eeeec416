// Analytics hooks for A/B builds (loaded only when plans.yaml has a variants: section).
// Dispatches DOM CustomEvents on document: experiment_viewed (once per visit, remembered in
// sessionStorage) and cta_click (a call-to-action button), each also pushed to window.dataLayer when
// the page defines one; the calculator's own calculator_used event (which bubbles to document and
// which the calculator pushes itself) gets the experiment and variant added to its detail.
// This file loads no analytics script and sends nothing anywhere.
(() => {
  const root = document.documentElement;
  const experiment = root.dataset.experiment;
  const variant = root.dataset.variant;
  if (!experiment) return;

  const emit = (name, detail) => {
    const data = { experiment, variant, ...detail };
    document.dispatchEvent(new CustomEvent(name, { detail: data }));
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

  // The calculator (ui.js) dispatches calculator_used, bubbling to document, and then pushes it
  // to dataLayer itself: pushing here too would count every use twice. Dispatch runs the
  // listeners synchronously before that push, so label the event's detail with the experiment
  // instead; the calculator's single dataLayer entry then carries it.
  document.addEventListener("calculator_used", (event) => {
    const detail = event.detail;
    if (detail && typeof detail === "object") Object.assign(detail, { experiment, variant });
  });
})();
