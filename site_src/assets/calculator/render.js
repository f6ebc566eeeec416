// Writes a quote (the `to_dict()` of Python's `calculator.quote`) into the result region.
// Text goes in with textContent only, never innerHTML, and every figure is a string Python
// formatted. The markup mirrors site_src/overrides/pricing/calculator-result.html, which
// prerenders the same region at build time, so the first live result replaces it in place.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const row = (cls, label, amount, detail) => el("tr", { class: cls },
  el("th", { scope: "row" }, label, detail ? el("span", { class: "rk-bill__detail" }, detail) : null),
  el("td", {}, amount));

// The charges, then the discounts, then a commitment's true-up (it tops up what the discounts
// left), so the bill reads as its own sum from top to bottom.
function lineRows(quote) {
  const rows = [];
  const lineRow = (line) => {
    rows.push(row("rk-bill__line", line.label, line.display.amount, line.display.detail));
    for (const tier of line.tiers) {
      rows.push(row("rk-bill__tier", `${tier.range}: ${tier.display.quantity} × ${tier.display.unit_price}` +
        (tier.flat !== "0" ? ` + ${tier.display.flat}` : ""), `${tier.display.amount}/mo`));
    }
    for (const note of line.notes) rows.push(row("rk-bill__note", note, ""));
  };
  quote.lines.filter((line) => line.kind !== "true_up").forEach(lineRow);
  for (const discount of quote.discounts) {
    rows.push(row("rk-bill__discount", discount.label, discount.display.amount));
  }
  quote.lines.filter((line) => line.kind === "true_up").forEach(lineRow);
  return rows;
}

export function renderResult(region, quote, catalog, { onSwitch } = {}) {
  const period = quote.billing === "annual" ? "year" : "month";
  region.dataset.plan = quote.plan;
  region.dataset.billing = quote.billing;
  region.dataset.status = quote.status;
  region.querySelector("[data-slot=heading]").textContent =
    `${quote.plan_name} plan · ${quote.billing === "annual" ? "billed yearly" : "billed monthly"}`;

  const priced = quote.status === "priced";
  region.querySelector("[data-slot=bill]").hidden = !priced;
  region.querySelector("[data-slot=contact]").hidden = priced;
  if (!priced) {
    region.querySelector("[data-testid=calculator-message]").textContent = quote.message;
    region.querySelector("[data-slot=notes]").replaceChildren();
    region.querySelector("[data-slot=cheaper]").hidden = true;
    return;
  }
  region.querySelector("[data-slot=lines]").replaceChildren(...lineRows(quote));
  region.querySelector("[data-slot=period]").textContent = `Total per ${period}`;
  region.querySelector("[data-testid=calculator-total]").textContent = quote.display.total;
  const equivalent = region.querySelector("[data-slot=equivalent]");
  equivalent.hidden = quote.billing !== "annual";
  region.querySelector("[data-testid=calculator-monthly]").textContent = quote.display.monthly_equivalent;
  const saving = region.querySelector("[data-slot=saving]");
  const saves = quote.annual_saving !== null && Number(quote.annual_saving) > 0;
  saving.hidden = !(saves && quote.billing === "annual");
  region.querySelector("[data-testid=calculator-saving]").textContent = `${quote.display.annual_saving} a year`;

  const notes = [...quote.alerts.map((a) => el("li", { class: "rk-note rk-note--alert",
    "data-testid": "calculator-alert" }, a.message)),
  ...quote.nudges.map((n) => el("li", { class: "rk-note", "data-testid": "calculator-nudge" }, n.message))];
  region.querySelector("[data-slot=notes]").replaceChildren(...notes);

  const cheaper = region.querySelector("[data-slot=cheaper]");
  cheaper.hidden = !quote.cheaper_plan;
  if (quote.cheaper_plan) {
    const other = quote.cheaper_plan;
    cheaper.querySelector("[data-slot=cheaper-text]").textContent =
      `The ${other.name} plan would cost ${other.display.total} for the same use (${other.display.saving} less).`;
    const button = cheaper.querySelector("[data-testid=calculator-switch]");
    button.textContent = `Switch to ${other.name}`;
    button.onclick = () => onSwitch?.(other.plan);
  }
}
