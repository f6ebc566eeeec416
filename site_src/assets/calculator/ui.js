// The calculator form on the pricing page: reads the inputs, asks the Python engine (through
// window.pricingCalculator, see client.js) for the quote and the cost curves, and writes what
// comes back into the page. It never computes a price: every figure it shows is a string the
// `calculator` package made. The form and the first estimate are prerendered at build time
// (site_src/overrides/pricing/calculator.html), so nothing moves when Python takes over.
import { drawChart } from "./chart.js";
import { pointCtas } from "./cta.js";
import { clearErrors } from "./field-errors.js";
import { renderResult } from "./render.js";
import { fillFromSlider, placeSliders } from "./slider.js";
import { keepTotalInSight } from "./total-bar.js";
import { readState, writeState, writeCurrency, writeBilling, stateToQuery, queryToState, queryWith,
  quantitiesRead, quantityRead, showQuantitiesRead } from "./state.js";

// The event by which the calculator and the plan cards' currency toggle keep one currency.
const CURRENCY_EVENT = "pricing:currency";
// ... and the plan cards' billing toggle and the calculator one billing (js/billing-toggle.js)
const BILLING_EVENT = "pricing:billing";

const root = document.querySelector("[data-calculator]");
if (root) start(root);

function start(root) {
  const form = root.querySelector("[data-testid=calculator-form]");
  const result = root.querySelector("[data-testid=calculator-result]");
  const status = root.querySelector("[data-testid=calculator-status]");
  const chart = root.querySelector("[data-testid=calculator-chart]");
  const catalog = JSON.parse(document.getElementById("calculator-catalog").textContent);
  // what each plan's curves vary, the points a curve asks for, and the prerendered estimate's
  // curves (pricing_site/pages/calculator_chart.py)
  const charting = JSON.parse(document.getElementById("calculator-chart-data").textContent);
  // where each plan's fields start when a link does not name them (pricing_site/pages/calculator_form.py)
  const starts = JSON.parse(document.getElementById("calculator-starts").textContent);
  // each plan's call to action and the names the estimate travels under (pricing_site/pages/cta.py)
  const ctas = JSON.parse(document.getElementById("calculator-cta").textContent);
  const api = window.pricingCalculator;
  let curveKey = null;
  let liveChart = false; // Python's answer has drawn the chart (or taken it away)
  let used = false;
  let usedWhileStarting = false; // an edit before Python was ready: its first answer is a use
  let leftWhileStarting = false; // a field left before Python was ready: shown as read once it is
  let typingIn = null; // the field typed into since it was last left
  let python = "starting"; // then "live" or "failed"

  // What the visitor changed before this script ran (it comes after the page's first frame:
  // on a slow link, seconds after): set aside while the built state is read, then kept over a
  // link's values, put in the address, and marked as not priced yet, as a later edit is.
  // A slider moved meanwhile gives its field its value (unless that was typed in too) and
  // stays where it was put.
  const typed = editedFields(form).map(({ input }) => input.name);
  const moved = movedSliders(form).filter((slider) => !typed.includes(slider.dataset.for))
    .map((slider) => ({ input: slider, value: slider.value }));
  moved.forEach(({ input }) => fillFromSlider(form, input));
  const early = editedFields(form);
  form.reset();
  // The prerendered bill is for the request the page was built with: until Python has answered,
  // other inputs (a shared link, an edit made meanwhile) grey it out and say so, as an edit
  // Python cannot answer does; if Python never starts, it stays greyed.
  const builtState = readState(form);
  const built = stateToQuery(builtState);
  const showsBuilt = (state) => stateToQuery(state) === built;
  function markPrerendered(state) {
    if (python !== "starting") return;
    result.classList.toggle("rk-stale", !showsBuilt(state));
    setStatus(status, showsBuilt(state) ? "prerendered" : "pending");
    if (showsBuilt(state)) clearPending(form);
  }

  const fromUrl = queryToState(new URLSearchParams(location.search), catalog);
  if (fromUrl) writeState(form, fromUrl, catalog, starts);
  else writeCardChoices(form, new URLSearchParams(location.search));
  early.forEach(restore);

  showPlanFields(form, form.elements.plan.value);
  labelLevels(form);
  // until Python has read the fields, the sliders stand at the plan's starting values (Python's)
  placeSliders(form, starts[form.elements.plan.value] ?? {});
  moved.forEach(restore);
  const initial = readState(form);
  markPrerendered(initial);
  if (early.length) {
    early.forEach(({ input }) => markPending(form, input));
    usedWhileStarting = true;
    history.replaceState(null, "", addressOf(initial));
  }
  // in a task of its own (the form's start and the chart's drawing were one long task); unless
  // Python's curves came first
  setTimeout(() => liveChart || drawBuiltChart(readState(form)));
  keepTotalInSight(form, result);

  // The prerendered estimate's curves, drawn now (before Python has loaded): the chart's until
  // an edit needs others, or, for a shared link's other state, greyed with the built bill
  // until Python has drawn that state's.
  function drawBuiltChart(state) {
    if (!chart || !charting.curve) return;
    const { metric, key } = curveOf(builtState);
    chart.curve = charting.curve;
    if (showsBuilt(state)) curveKey = key;
    drawChart(chart, chart.curve, { plan: builtState.plan, quote: charting.estimate, catalog,
      x: quantityOf(charting.estimate.request, metric) });
  }

  function dispatch(name, detail) {
    root.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
    if (Array.isArray(window.dataLayer)) window.dataLayer.push({ event: name, ...detail });
  }

  // History: an edit made once the visitor has settled (focus has left the form, or Back or
  // Forward brought an estimate) adds an entry; the edits after it replace that entry, so the
  // address always holds the estimate shown, each settled estimate is one entry, and Back
  // leaves a run of edits in one press.
  let settled = true;
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) settled = true;
  });
  function remember(url) {
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    history[settled ? "pushState" : "replaceState"](null, "", url);
    settled = false;
  }

  // `written`: the visitor is done with a field (it lost focus, or Enter): once Python has
  // read it, it shows the number read, never while it is being typed ("1," on the way to 1,500).
  async function update({ record = false, interacted = false, edited = null, written = false } = {}) {
    showPlanFields(form, form.elements.plan.value); // before reading: hidden inputs are left out
    labelLevels(form);
    if (python === "starting" && edited) markPending(form, edited);
    const state = readState(form);
    markPrerendered(state);
    if (record) remember(addressOf(state));
    // Until Python is ready nothing is asked: its first answer is for the fields as they are then
    // (api.ready below), never for an older edit on the way.
    if (python === "starting") {
      usedWhileStarting ||= interacted;
      leftWhileStarting ||= written;
      return;
    }
    // the quote first, then the curves: Python computes them while the bill is drawn here
    const quoted = api.quoteLatest(state.request);
    const curves = askCurves(state, quoted);
    let quote;
    try {
      quote = await quoted;
    } catch (err) {
      if (err.superseded) return;
      showError(form, result, status, err);
      return;
    }
    clearErrors(form, result);
    clearPending(form);
    renderResult(result, quote, { onSwitch: switchPlan });
    pointCtas(result, quote, ctas);
    // the sliders show what Python read, unless the fields have changed since: a newer answer comes
    if (stateToQuery(readState(form)) === stateToQuery(state)) {
      placeSliders(form, quantitiesRead(form, quote.request));
      if (written) {
        showQuantitiesRead(form, quote.request);
        history.replaceState(null, "", addressOf(readState(form)));
      }
    }
    setStatus(status, "live");
    if (interacted && !used) { // once per page view: a use, not a keystroke count
      used = true;
      dispatch("calculator_used", { plan: quote.plan, billing: quote.billing });
    }
    refreshChart(state, quote, curves);
  }

  // The chart's curves for `state`: none without a main quantity; the ones drawn when only that
  // quantity changed and they still serve it, as Python read it (once `quoted` has answered:
  // within the curves' `serves`, calculator.curve_span); else Python's, asked for now.
  function askCurves(state, quoted) {
    if (!chart || !api.curveLatest) return null;
    const { metric, key } = curveOf(state);
    if (!metric) return { metric };
    const ask = () => api.curveLatest(state.request, metric, charting.points);
    const drawn = key === curveKey ? chart.curve : null;
    const serves = (quantity) => Number(drawn.serves[0]) <= quantity && quantity <= Number(drawn.serves[1]);
    const curve = drawn ? quoted.then((quote) =>
      serves(quantityOf(quote.request, metric)) ? drawn : ask()) : ask();
    curve.catch(() => {}); // superseded, or a bad input the quote reports
    return { metric, key, curve };
  }

  // What the chart of `state` varies (null: no chart) and the request without that quantity
  // (the curves' identity).
  function curveOf(state) {
    const metric = charting.metrics[state.plan] ?? null;
    if (!metric) return { metric };
    const key = JSON.stringify({ ...state.request, ...(metric === "seats" ? { seats: null } :
      { usage: { ...state.request.usage, [metric]: null } }) });
    return { metric, key };
  }

  async function refreshChart(state, quote, curves) {
    if (!curves) return;
    liveChart = true;
    if (!curves.curve) return drawChart(chart, null);
    try {
      chart.curve = await curves.curve;
      curveKey = curves.key;
    } catch (err) {
      return; // superseded (a newer edit draws), or the quote above showed the problem
    }
    drawChart(chart, chart.curve, { plan: state.plan, quote, catalog,
      x: quantityOf(quote.request, curves.metric) });
  }

  function switchPlan(planId) {
    const select = form.querySelector("[name=plan]");
    select.value = planId;
    update({ record: true, interacted: true });
    select.focus();
  }

  // A choice (a select, a box, a radio) fires "input" and "change" at once: it is asked for once,
  // on "change"; a field typed in or a slider dragged is asked for at each "input".
  const choice = (input) => input.tagName === "SELECT" || toggled(input);
  form.addEventListener("input", (event) => {
    if (choice(event.target)) return;
    if (event.target.type === "text") typingIn = event.target;
    fillFromSlider(form, event.target);
    update({ record: true, interacted: true, edited: event.target });
  });
  form.addEventListener("change", (event) => {
    if (event.target === typingIn) typingIn = null;
    update({ record: true, interacted: true, edited: event.target, written: true });
    // the page has one currency: the plan cards follow the calculator's (js/currency-toggle.js)
    if (event.target.name === "currency") {
      document.dispatchEvent(new CustomEvent(CURRENCY_EVENT, {
        detail: { currency: event.target.value, from: "calculator" } }));
    }
    if (event.target.name === "billing") {
      document.dispatchEvent(new CustomEvent(BILLING_EVENT, {
        detail: { billing: event.target.value, from: "calculator" } }));
    }
  });
  // ... and the calculator the cards' toggle
  document.addEventListener(CURRENCY_EVENT, (event) => {
    if (event.detail.from !== "calculator" && writeCurrency(form, event.detail.currency)) update();
  });
  // "Yearly" chosen on the cards is the calculator's billing too; the address keeps it in the
  // calculator's own words (?billing=), replacing the entry as the cards' toggle does
  document.addEventListener(BILLING_EVENT, (event) => {
    if (event.detail.from === "calculator" || !writeBilling(form, event.detail.billing)) return;
    history.replaceState(null, "", addressOf(readState(form)));
    update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update({ record: true, written: true });
  });
  window.addEventListener("popstate", () => {
    settled = true;
    const query = new URLSearchParams(location.search);
    const state = queryToState(query, catalog);
    if (state) writeState(form, state, catalog, starts);
    else writeCardChoices(form, query);
    update(); // the sliders follow Python's answer
  });
  root.querySelector("[data-testid=calculator-copy-link]")?.addEventListener("click", copyLink);

  api.ready.then(() => {
    python = "live";
    // the fields left while Python started show the numbers it read, unless the visitor is
    // typing in one now ("1," on the way to 1,500): their own change will show it then
    update({ interacted: usedWhileStarting, written: leftWhileStarting && !typingIn });
  }, (err) => {
    python = "failed";
    clearPending(form); // the status line and the form's error say it now
    if (showsBuilt(readState(form))) setStatus(status, "failed");
    else showError(form, result, status, err); // the link's inputs will not be priced
  });
  // the form answers from here on: this module comes after the page's first frame
  // (js/after-paint.js), so a page script (or a test) that drives the form waits for this mark
  root.dataset.interactive = "";
}

// The form's fields whose value is not the one the page was built with (sliders aside: they
// follow their fields), with that value.
function editedFields(form) {
  const edited = (input) => (toggled(input)
    ? input.checked !== input.defaultChecked
    : input.tagName === "SELECT" ? [...input.options].some((o) => o.selected !== o.defaultSelected)
      : input.type !== "range" && input.value !== input.defaultValue);
  return [...form.elements].filter((input) => input.name && edited(input))
    .map((input) => ({ input, value: input.value, checked: input.checked }));
}

// The sliders the visitor moved before this script ran (nothing kept their fields in step).
function movedSliders(form) {
  return [...form.querySelectorAll("input[type=range][data-for]")]
    .filter((slider) => slider.value !== slider.defaultValue);
}

function restore({ input, value, checked }) {
  if (toggled(input)) input.checked = checked;
  else input.value = value;
}

function toggled(input) {
  return input.type === "checkbox" || input.type === "radio";
}

// This page's address with `state` in its query (the other parameters kept: queryWith).
function addressOf(state) {
  const query = queryWith(location.search, state);
  return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
}

// A link without the calculator's own state keeps what the plan cards' toggles say: their
// currency (?currency=, the same parameter) and billing (?period=).
function writeCardChoices(form, query) {
  writeCurrency(form, query.get("currency"));
  writeBilling(form, query.get("period"));
}

// The marker's place: the chart's quantity in `request` as Python read it (a quote's request).
function quantityOf(request, metric) {
  return Number(quantityRead(request, metric === "seats" ? "seats" : `usage.${metric}`));
}

// Inputs that only some plans use carry data-plans="a b"; hide the rest (and keep them out of
// the request: readState skips hidden fields). A plan sold one way only keeps one billing: the
// one left is checked.
function showPlanFields(form, planId) {
  for (const field of form.querySelectorAll("[data-plans]")) {
    field.hidden = !field.dataset.plans.split(" ").includes(planId);
  }
  const billings = [...form.querySelectorAll("[name=billing]")];
  if (billings.some((radio) => radio.checked && radio.closest("[hidden]"))) {
    const offered = billings.find((radio) => !radio.closest("[hidden]"));
    if (offered) offered.checked = true;
  }
}

// Each commitment level states its minimum in the chosen currency: the option's
// data-label-<code>, prerendered by Python (a page with one currency has no currency field).
function labelLevels(form) {
  const code = form.elements.currency?.value;
  if (!code) return;
  const key = `label${code[0]}${code.slice(1).toLowerCase()}`;
  for (const option of form.querySelectorAll("[name=commitment] option")) {
    if (option.dataset[key]) option.textContent = option.dataset[key];
  }
}

// An edit made while Python starts: a mark beside the field's label (where a visitor typing on a
// phone sees it, unlike the status line above the bill) says that it is not priced yet, until
// the first answer, which is for the fields as they are then. The words are the template's
// (data-pending-words on the form).
function markPending(form, input) {
  const field = input.closest(".rk-field");
  if (!field || field.querySelector("[data-pending-mark]")) return;
  const mark = document.createElement("span");
  mark.className = "rk-field__pending";
  mark.dataset.pendingMark = "";
  mark.dataset.testid = "calculator-pending";
  mark.textContent = form.dataset.pendingWords;
  (field.querySelector(":scope > label, :scope > legend") ?? field).append(mark);
}

function clearPending(form) {
  for (const mark of form.querySelectorAll("[data-pending-mark]")) mark.remove();
}

// The state's words are the template's: data-<state> on the status line (calculator-result.html).
function setStatus(status, kind) {
  if (!status) return;
  status.dataset.state = kind;
  status.textContent = status.dataset[kind];
}

// Anything but a QuoteError means Python gave no answer at all (its runtime did not load, or its
// worker died): no field is to blame, and the visitor is not shown the browser's own message
// but the template's (data-unavailable-words on the form).
function showError(form, result, status, err) {
  clearErrors(form, result);
  const unavailable = err.name !== "QuoteError";
  const visibleSlot = (selector) => {
    const found = form.querySelector(selector);
    return found && !found.closest("[hidden]:not([data-error-for])") ? found : null;
  };
  const slot = (!unavailable && (visibleSlot(`[data-error-for="${err.field}"]`) ??
    visibleSlot(`[data-error-for="${String(err.field ?? "").split(".")[0]}"]`))) ||
    form.querySelector("[data-error-for=form]");
  slot.textContent = unavailable ? form.dataset.unavailableWords : err.message;
  slot.hidden = false;
  if (!unavailable) form.querySelector(`[name="${err.field}"]`)?.setAttribute("aria-invalid", "true");
  result.classList.add("rk-stale");
  result.setAttribute("aria-describedby", slot.id);
  setStatus(status, unavailable ? "failed" : "stale");
}

// The button's words after a copy, or when the browser refused it, are the template's
// (data-words-copied, data-words-not-copied).
async function copyLink(event) {
  const button = event.currentTarget;
  try {
    await navigator.clipboard.writeText(location.href);
    button.dataset.copied = "true";
    button.querySelector("[data-label]").textContent = button.dataset.wordsCopied;
  } catch {
    button.querySelector("[data-label]").textContent = button.dataset.wordsNotCopied;
  }
}
