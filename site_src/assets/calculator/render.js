// Writes a quote (the `to_dict()` of Python's `calculator.quote`) into the result region that
// site_src/overrides/pricing/calculator-result.html prerendered. The markup and the words are
// that template's, and what shows and in which order is the quote's (calculator/display.py):
// this module only follows the region's data-text, data-by-billing, data-shows, data-currency
// and data-items hooks (the template's header says what each means). Text goes in with textContent only.

const at = (data, path) => path.split(".").reduce((value, key) => value?.[key], data);

// A pattern's words with the string at each "{path}" of `data` ("" where there is none).
const filled = (pattern, data) => pattern.replace(/\{([\w.]+)\}/g, (_, path) => at(data, path) ?? "");

// A list's items (data-items) are left to the list: they are replaced, not refilled.
function fill(node, data, billing) {
  for (const slot of [node, ...node.querySelectorAll("[data-text], [data-by-billing]")]) {
    const list = slot.closest("[data-items]");
    if (list && list !== node && node.contains(list)) continue;
    const pattern = slot.hasAttribute("data-by-billing") ? slot.dataset[billing] : slot.dataset.text;
    if (pattern !== undefined) slot.textContent = filled(pattern, data);
  }
}

// A copy of the region's <template data-template=name>, filled from `item`.
function clone(region, name, item) {
  const node = region.querySelector(`template[data-template="${name}"]`).content
    .firstElementChild.cloneNode(true);
  fill(node, item);
  return node;
}

export function renderResult(region, quote, { onSwitch } = {}) {
  Object.assign(region.dataset, { plan: quote.plan, billing: quote.billing, status: quote.status });
  fill(region, quote, quote.billing);
  for (const node of region.querySelectorAll("[data-shows]")) {
    node.hidden = !quote.shows[node.dataset.shows];
  }
  for (const node of region.querySelectorAll("[data-currency]")) {
    node.hidden = node.dataset.currency !== quote.currency;
  }
  for (const list of region.querySelectorAll("[data-items]")) {
    const items = at(quote, list.dataset.items) ?? [];
    list.replaceChildren(...items.map((item) => clone(region, item.kind, item)));
  }
  const other = quote.cheaper_plan;
  region.querySelector("[data-testid=calculator-switch]").onclick =
    other ? () => onSwitch?.(other.plan) : null;
}
