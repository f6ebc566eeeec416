// From an estimate to a sign-up: points the estimate's call to action and its contact-sales
// link at URLs carrying the quote's request, under the parameter names plans.yaml gives
// (site.pricing.cta_params). The same steps as pricing_site/pages/cta.py, which prerenders the
// default estimate's links: the two must write the same bytes for the same quote.

const FIELDS = ["plan", "seats", "billing", "currency", "commitment", "promotion",
  "usage", "seat_kinds", "addons"];
const PER_ID = new Set(["usage", "seat_kinds", "addons"]);

// [[name, value]]: what `quote` (Python's to_dict()) carries under `params`' names.
export function estimateParams(quote, params) {
  const request = quote.request;
  const commitment = request.commitment === true ? 1 : request.commitment;
  const values = { plan: quote.plan, seats: request.seats, billing: quote.billing,
    currency: quote.currency, promotion: request.promotion, commitment };
  const addons = Object.fromEntries((request.addons ?? []).map((id) => [id, 1]));
  Object.assign(addons, request.addon_quantities ?? {});
  const perId = { usage: request.usage ?? {}, seat_kinds: request.seat_kinds ?? {}, addons };
  const carried = [];
  for (const part of FIELDS) {
    const name = params[part];
    if (!name) continue;
    if (PER_ID.has(part)) {
      for (const [id, value] of Object.entries(perId[part])) {
        carried.push([name.replaceAll("{id}", id), String(value)]);
      }
    } else if (![undefined, null, false, ""].includes(values[part])) {
      carried.push([name, String(values[part])]);
    }
  }
  return carried;
}

const decoded = (text, plus) => {
  try {
    return decodeURIComponent(plus ? text.replace(/\+/g, " ") : text);
  } catch {
    return text; // a malformed escape stays as written, as Python's unquote leaves it
  }
};
const keyOf = (piece) => decoded(piece.split("=")[0], true);

// `url` carrying the estimate: same-named query parameters replaced, or a mailto: body's lines.
export function withEstimate(url, quote, params) {
  const carried = estimateParams(quote, params);
  if (!carried.length) return url;
  const hashAt = url.indexOf("#");
  const fragment = hashAt < 0 ? "" : url.slice(hashAt);
  const bare = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = bare.indexOf("?");
  const base = queryAt < 0 ? bare : bare.slice(0, queryAt);
  let pieces = (queryAt < 0 ? "" : bare.slice(queryAt + 1)).split("&").filter(Boolean);
  if (base.slice(0, 7).toLowerCase() === "mailto:") {
    const body = pieces.filter((p) => keyOf(p) === "body")
      .map((p) => decoded(p.slice(p.indexOf("=") + 1 || p.length), false)); // "+" is "+" here
    const lines = carried.map(([name, value]) => `${name}: ${value}`).join("\r\n");
    const text = body.length ? `${body[0]}\r\n\r\n${lines}` : lines;
    pieces = [...pieces.filter((p) => keyOf(p) !== "body"), `body=${encodeURIComponent(text)}`];
  } else {
    const names = new Set(carried.map(([name]) => name));
    pieces = pieces.filter((p) => !names.has(keyOf(p)));
    pieces.push(...carried.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
  }
  return `${base}?${pieces.join("&")}${fragment}`;
}

// Points the region's links at `quote`'s estimate (config: the calculator-cta data block).
export function pointCtas(region, quote, config) {
  const cta = config.plans[quote.plan];
  const button = region.querySelector("[data-cta-plan]");
  if (button) {
    button.hidden = !cta || quote.status !== "priced";
    if (cta) {
      button.textContent = cta.label;
      button.href = withEstimate(cta.url, quote, config.params);
    }
  }
  // contact sales: the bill's own link, and the one leading an estimate above the sales threshold
  for (const contact of region.querySelectorAll("[data-cta-contact]")) {
    contact.href = withEstimate(config.contact, quote, config.params);
  }
}
