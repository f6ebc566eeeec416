// The budget planner under the calculator: reads the calculator's request from its form
// (state.js's readState, on the form's own events) and the planner's growth and horizon, asks
// the Python engine (window.pricingCalculator.forecastLatest, client.js) for the forecast and
// writes it into the page. It never computes a price: every figure it shows is a string the
// `calculator` package made. The first forecast is prerendered at build time
// (site_src/overrides/pricing/planner.html); this script runs after ui.js (it comes later in
// the page), so the calculator's fields already show the link's state and its handlers run first.
import { clearErrors } from "./field-errors.js";
import { readState } from "./state.js";
import { drawPlan } from "./planner-chart.js";
import { renderPlan } from "./planner-render.js";
import { plannerFromQuery, queryWithPlanner, readPlanner, showMode, writePlanner } from "./planner-state.js";

const SETTLE_MS = 150; // a pause in the calculator's typing (a slider moves an input a frame)
const root = document.querySelector("[data-planner]");
const calculator = document.querySelector("[data-testid=calculator-form]");
if (root && calculator) start(root, calculator);

function start(root, calculator) {
  const form = root.querySelector("[data-testid=planner-form]");
  const region = root.querySelector("[data-testid=planner-result]");
  const status = region.querySelector("[data-testid=planner-status]");
  const figure = region.querySelector("[data-testid=planner-chart]");
  // what each plan grows (pricing_site/pages/planner.py), and the forecast the page was built with
  const plans = JSON.parse(document.getElementById("planner-plans").textContent);
  const built = JSON.parse(document.getElementById("planner-forecast").textContent);
  const api = window.pricingCalculator;
  let python = "starting"; // then "live" or "failed"
  let waiting = false; // closed while its inputs changed: asked for once opened

  const payload = () => {
    const { growth, months } = readPlanner(form);
    return { request: readState(calculator).request, growth, months };
  };
  const builtKey = JSON.stringify({ ...payload(), request: readState(builtCalculator(calculator)).request });
  const showsBuilt = () => JSON.stringify(payload()) === builtKey;

  const fromUrl = plannerFromQuery(new URLSearchParams(location.search));
  if (fromUrl) writePlanner(form, fromUrl);
  // a link to the planner opens it; a wide screen shows it, a phone keeps it closed until asked
  root.open = Boolean(fromUrl) || location.hash === "#planner" || matchMedia("(min-width: 60em)").matches;
  showMode(form);
  grows();
  drawPlan(figure, built);
  markPrerendered();
  let asked = null; // the payload last sent: an input and its change event ask once

  // The planner's fields for the chosen plan; false for a plan priced on request, which has
  // nothing to forecast (its note shows instead).
  function grows() {
    const plan = calculator.elements.plan.value;
    showPlanFields(form, plan);
    const custom = (plans[plan] ?? []).length === 0;
    root.querySelector("[data-slot=custom]").hidden = !custom;
    root.querySelector(".rk-planner__body").hidden = custom;
    return !custom;
  }

  // Until Python answers, the built forecast stands for other inputs greyed, as the bill does.
  function markPrerendered() {
    if (python !== "starting") return;
    region.classList.toggle("rk-stale", !showsBuilt());
    setStatus(status, showsBuilt() ? "prerendered" : "pending");
  }

  async function update({ typed = false } = {}) {
    const growing = grows();
    if (typed) keepInLink();
    markPrerendered();
    waiting = !root.open;
    const sent = payload(), key = JSON.stringify(sent);
    if (waiting || !growing || !api?.forecastLatest || key === asked) return;
    asked = key;
    let forecast;
    try {
      forecast = await api.forecastLatest(sent);
    } catch (err) {
      if (!err.superseded) showError(form, region, status, err);
      return;
    }
    clearErrors(form, region);
    renderPlan(root, region, forecast, plans[forecast.plan] ?? []);
    drawPlan(figure, forecast);
    setStatus(status, "live");
  }

  // The link holds the planner's fields: an edit's first keystroke makes a history entry, the
  // others replace it, so back steps over a whole edit (as the calculator's changes do).
  let editing = false;
  function keepInLink() {
    const query = queryWithPlanner(location.search, readPlanner(form));
    const url = `${location.pathname}?${query}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    history[editing ? "replaceState" : "pushState"](history.state, "", url);
    editing = true;
  }
  const committed = () => (editing = false);

  form.addEventListener("input", (event) => {
    if (event.target.name === "grow") showMode(form);
    update({ typed: true });
  });
  form.addEventListener("change", () => {
    update({ typed: true });
    committed();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    committed();
  });
  // The calculator's keystrokes: its bill and chart first; the forecast once typing pauses, so
  // that it never holds up the next keystroke's total in the worker.
  let settling = null;
  calculator.addEventListener("input", () => {
    clearTimeout(settling);
    settling = setTimeout(update, SETTLE_MS);
  });
  calculator.addEventListener("change", () => {
    clearTimeout(settling);
    committed(); // the calculator made its own history entry
    update();
  });
  root.addEventListener("toggle", () => root.open && waiting && update());
  window.addEventListener("popstate", () => {
    const state = plannerFromQuery(new URLSearchParams(location.search));
    form.reset();
    if (state) writePlanner(form, state);
    else showMode(form);
    committed();
    update();
  });
  api?.ready.then(() => {
    python = "live";
    update();
  }, () => {
    python = "failed";
    setStatus(status, showsBuilt() ? "failed" : "pending");
  });
  // the planner answers from here on (as ui.js marks the calculator)
  root.dataset.interactive = "";
}

// The calculator's form as the page was built: a copy reset to its fields' built values, with
// the fields of the built plan shown (readState leaves hidden ones out).
function builtCalculator(calculator) {
  const copy = calculator.cloneNode(true);
  copy.reset();
  showPlanFields(copy, copy.elements.plan.value);
  return copy;
}

// Fields that only some plans use carry data-plans="a b": hidden for the others.
function showPlanFields(form, planId) {
  for (const field of form.querySelectorAll("[data-plans]")) {
    field.hidden = !field.dataset.plans.split(" ").includes(planId);
  }
}

function setStatus(status, kind) {
  status.dataset.state = kind;
  status.textContent = status.dataset[kind];
}

// The engine names the field to blame: the planner's own (growth.seats, months, growth) get the
// message beside them; the calculator's fields show theirs in the calculator, and the forecast
// waits, greyed, as the bill does. Anything but a QuoteError: Python did not answer at all.
function showError(form, region, status, err) {
  clearErrors(form, region);
  region.classList.add("rk-stale");
  if (err.name !== "QuoteError") return setStatus(status, "failed");
  setStatus(status, "stale");
  const slot = [...form.querySelectorAll(`[data-error-for="${err.field}"]`)]
    .find((found) => !found.closest("[data-plans][hidden]"));
  if (!slot) return;
  slot.textContent = err.message;
  slot.hidden = false;
  region.setAttribute("aria-describedby", slot.id);
  const mode = form.querySelector("[name=grow]:checked")?.value === "target" ? "t." : "g.";
  const name = err.field === "months" ? "h" : `${mode}${String(err.field).slice("growth.".length)}`;
  form.elements[name]?.setAttribute("aria-invalid", "true");
}
