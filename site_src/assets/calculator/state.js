// The calculator's state: the form <-> the request sent to Python <-> the URL query.
// Values travel as the text the visitor typed, so Python (not this file) decides what is a
// valid number and says what is wrong with one that is not.
//   ?plan=team&seats=49&billing=annual&usage.api_calls=150000&kind.viewer=3&addons=sso
//   &addon.phone_numbers=3&commit=1&promo=FRIENDS (commit: the commitment level, 1 the first)
//   &currency=EUR (the page's currency, shared with the plan cards' toggle: js/currency-toggle.js;
//   left out for the catalog's own, the currency field's first option)

const visible = (element) => !element.closest("[hidden]");

export function readState(form) {
  const plan = form.elements.plan.value;
  const request = { plan, billing: form.querySelector("[name=billing]:checked")?.value ?? "monthly" };
  const currency = form.elements.currency;
  if (currency && currency.value !== currency.options[0].value) request.currency = currency.value;
  const seats = form.elements.seats;
  if (seats && visible(seats)) request.seats = seats.value.trim();
  else request.seats = 0;
  const usage = {};
  const kinds = {};
  for (const input of form.querySelectorAll("[name^='usage.'], [name^='kind.']")) {
    if (!visible(input) || input.value.trim() === "") continue;
    const [group, id] = input.name.split(".");
    (group === "usage" ? usage : kinds)[id] = input.value.trim();
  }
  request.usage = usage;
  if (Object.keys(kinds).length) request.seat_kinds = kinds;
  const addons = [...form.querySelectorAll("[name=addons]:checked")].filter(visible).map((i) => i.value);
  const counts = {}; // a quantity add-on's units, as typed
  for (const input of form.querySelectorAll("[name^='addon.']")) {
    if (visible(input) && input.value.trim() !== "") counts[input.name.slice("addon.".length)] = input.value.trim();
  }
  if (Object.keys(counts).length) {
    request.addons = Object.fromEntries([...addons.map((id) => [id, 1]), ...Object.entries(counts)]);
  } else if (addons.length) request.addons = addons;
  // one commitment control a plan: the shown one's level ("0": none)
  const commit = [...form.querySelectorAll("[name=commitment]")].find(visible);
  if (commit && commit.value !== "0") request.commitment = commit.value;
  const code = form.elements.promotion;
  if (code && code.value.trim() !== "") request.promotion = code.value;
  return { plan, request };
}

// `starts`: {plan id: {field name: value}}, where a plan's fields start (calculator-starts, made
// by Python at build time: the built values within the plan's limits, so `?plan=free` starts at
// Free's 3 seats, not at the 10 built for Team, which Free refuses).
export function writeState(form, state, catalog, starts) {
  const { request } = state;
  if (catalog.plans.some((p) => p.id === request.plan)) form.elements.plan.value = request.plan;
  for (const radio of form.querySelectorAll("[name=billing]")) {
    radio.checked = radio.value === (request.billing ?? "monthly");
  }
  // a state without a currency is in the catalog's own, the field's first option
  writeCurrency(form, request.currency ?? form.elements.currency?.options[0].value);
  // What the state does not name goes to the plan's start, else to the value the page was built with.
  const start = starts[form.elements.plan.value] ?? {};
  const initial = (input) => start[input.name] === undefined ? input.defaultValue
    : inField(form, start[input.name]);
  if (form.elements.seats) form.elements.seats.value = request.seats ?? initial(form.elements.seats);
  const given = { usage: request.usage ?? {}, kind: request.seat_kinds ?? {} };
  for (const input of form.querySelectorAll("[name^='usage.'], [name^='kind.']")) {
    const [group, id] = input.name.split(".");
    input.value = Object.hasOwn(given[group], id) ? given[group][id] : initial(input);
  }
  const bought = addonCounts(request.addons);
  for (const box of form.querySelectorAll("[name=addons]")) {
    box.checked = Object.hasOwn(bought, box.value);
  }
  for (const input of form.querySelectorAll("[name^='addon.']")) {
    input.value = bought[input.name.slice("addon.".length)] ?? "";
  }
  const level = request.commitment === true ? "1" : String(request.commitment || "0");
  for (const select of form.querySelectorAll("[name=commitment]")) {
    select.value = [...select.options].some((o) => o.value === level) ? level : "0";
  }
  if (form.elements.promotion) form.elements.promotion.value = request.promotion ?? "";
}

// The currency field set to `code`, or to the one the page was built with for none or one it
// does not offer; false when there is no currency field or it already showed that.
export function writeCurrency(form, code) {
  const select = form.elements.currency;
  if (!select) return false;
  const options = [...select.options];
  const wanted = options.find((option) => option.value === code) ??
    options.find((option) => option.defaultSelected) ?? options[0];
  if (select.value === wanted.value) return false;
  select.value = wanted.value;
  return true;
}

// Checks the billing radio of `billing` ("monthly" | "annual") when the chosen plan offers it
// (its radio is not hidden); true when that changed the form.
export function writeBilling(form, billing) {
  const radio = [...form.querySelectorAll("[name=billing]")]
    .find((r) => r.value === billing && !r.closest("[hidden]"));
  if (!radio || radio.checked) return false;
  radio.checked = true;
  return true;
}

// What Python read from the field `name` ("seats", "usage.storage_gb"), given the request it
// returned for readState's (a quote's `request`): 12, "2.5". An emptied usage field was sent as
// none: "0".
export function quantityRead(request, name) {
  return name === "seats" ? request.seats : request.usage?.[name.slice("usage.".length)] ?? "0";
}

// quantityRead of each visible seat and usage field, by field name.
export function quantitiesRead(form, request) {
  const read = {};
  for (const input of form.querySelectorAll("[name=seats], [name^='usage.']")) {
    if (visible(input)) read[input.name] = quantityRead(request, input.name);
  }
  return read;
}

// Each visible quantity field given the number Python read from its text ("1.5M" shows
// 1500000, "1,500" 1500), from a quote's `request`; a field left empty stays empty.
// A quantity as Python echoes it ("62.5") as the page's language writes it in a field ("62,5",
// the form's data-decimal): the decimal sign only, no grouping, so the field reads back the
// same in Python (calculator/written.py) whatever the language.
export function inField(form, value) {
  const decimal = form.dataset.decimal || ".";
  return decimal === "." ? String(value) : String(value).replace(".", decimal);
}

export function showQuantitiesRead(form, request) {
  const kinds = request.seat_kinds ?? {}, units = request.addon_quantities ?? {};
  const read = { ...quantitiesRead(form, request),
    ...Object.fromEntries(Object.entries(kinds).map(([id, n]) => [`kind.${id}`, n])),
    ...Object.fromEntries(Object.entries(units).map(([id, n]) => [`addon.${id}`, n])) };
  for (const [name, value] of Object.entries(read)) {
    const input = form.elements[name];
    const written = inField(form, value);
    if (input && input.value.trim() !== "" && input.value !== written) input.value = written;
  }
}

export function stateToQuery(state) {
  const { request } = state;
  const query = new URLSearchParams({ plan: request.plan });
  if (request.seats !== 0) query.set("seats", request.seats);
  if (request.billing !== "monthly") query.set("billing", request.billing);
  for (const [id, value] of Object.entries(request.usage ?? {})) query.set(`usage.${id}`, value);
  for (const [id, value] of Object.entries(request.seat_kinds ?? {})) query.set(`kind.${id}`, value);
  const bought = addonCounts(request.addons);
  const once = Object.keys(bought).filter((id) => bought[id] === 1);
  if (once.length) query.set("addons", once.join(","));
  for (const [id, count] of Object.entries(bought)) if (count !== 1) query.set(`addon.${id}`, count);
  if (request.commitment) query.set("commit", request.commitment === true ? "1" : request.commitment);
  if (request.promotion) query.set("promo", request.promotion.trim());
  if (request.currency) query.set("currency", request.currency);
  return query.toString();
}

// The page's query with `state` in it: the calculator's keys replaced, any other kept (the plan
// cards' own ?period=, an experiment preview), so an estimate's link keeps what else the page shows.
const OWN_KEY = /^(plan|seats|billing|addons|commit|promo|currency)$|^(usage|kind|addon)\./;

export function queryWith(search, state) {
  const query = new URLSearchParams(stateToQuery(state));
  for (const [key, value] of new URLSearchParams(search)) {
    if (!OWN_KEY.test(key)) query.append(key, value);
  }
  return query.toString();
}

export function queryToState(query, catalog) {
  const plan = query.get("plan");
  if (!plan || !catalog.plans.some((p) => p.id === plan)) return null;
  const request = { plan, billing: query.get("billing") === "annual" ? "annual" : "monthly",
    usage: {}, seat_kinds: {} };
  if (query.has("seats")) request.seats = query.get("seats");
  for (const [key, value] of query) {
    const [group, id] = key.split(".");
    if (id && group === "usage") request.usage[id] = value;
    if (id && group === "kind") request.seat_kinds[id] = value;
  }
  const once = (query.get("addons") ?? "").split(",").filter(Boolean);
  const counts = [...query].filter(([key]) => key.startsWith("addon.") && key.length > 6)
    .map(([key, value]) => [key.slice("addon.".length), value]);
  request.addons = counts.length ? Object.fromEntries([...once.map((id) => [id, 1]), ...counts]) : once;
  const commit = query.get("commit");
  if (commit && commit !== "0") request.commitment = commit;
  if (query.get("promo")) request.promotion = query.get("promo");
  const currency = query.get("currency");
  if (Object.hasOwn(catalog.price_books ?? {}, currency)) request.currency = currency;
  return { plan, request };
}

// The add-ons a request buys, {id: count}: a list buys one of each; a mapping gives the counts
// (a quantity add-on's as typed).
function addonCounts(addons) {
  if (Array.isArray(addons)) return Object.fromEntries(addons.map((id) => [id, 1]));
  return { ...(addons ?? {}) };
}
