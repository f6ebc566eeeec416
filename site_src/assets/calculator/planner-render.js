// Writes a forecast (the `to_dict()` of Python's `calculator.forecast`) into the planner that
// site_src/overrides/pricing/planner.html prerendered. The markup and the words are that
// template's; this module only follows its data-field, data-missing-<status>, data-if,
// data-unless, data-column, data-months-billed and data-items hooks (the template's header
// says what each means).
// Text goes in with textContent only, and every figure is a string the engine made.

const at = (data, path) => path.split(".").reduce((value, key) => value?.[key], data);

// Each data-field of `node` (its own too) gets the string at its path; a list's items are
// left to the list (`skip`).
function fill(node, data, skip) {
  for (const slot of [node, ...node.querySelectorAll("[data-field]")]) {
    if (!slot.dataset.field || (skip && slot.closest(skip) !== null)) continue;
    const value = at(data, slot.dataset.field);
    slot.textContent = value ?? slot.getAttribute(`data-missing-${data.status}`) ?? "";
  }
}

// `root` holds the <template data-template=name> of each list.
function items(root, list, data) {
  const template = root.querySelector(`template[data-template="${list.dataset.items}"]`);
  list.replaceChildren(...(at(data, list.dataset.items) ?? []).map((item) => {
    const node = template.content.firstElementChild.cloneNode(true);
    fill(node, item);
    return node;
  }));
}

// `quantities`: what the forecast's plan grows, the month table's columns.
export function renderPlan(root, region, forecast, quantities) {
  fill(region, forecast, "[data-items]");
  for (const node of region.querySelectorAll("[data-if]")) node.hidden = at(forecast, node.dataset.if) == null;
  for (const node of region.querySelectorAll("[data-unless]")) node.hidden = at(forecast, node.dataset.unless) != null;
  for (const list of region.querySelectorAll("[data-items]")) items(root, list, forecast);
  for (const cell of region.querySelectorAll("[data-column]")) cell.hidden = !quantities.includes(cell.dataset.column);
  for (const node of region.querySelectorAll("[data-months-billed]")) node.hidden = node.dataset.monthsBilled !== forecast.billing;
  for (const slot of region.querySelectorAll("[data-slot=horizon]")) slot.textContent = String(forecast.months.length);
}
