// The cost curve: what each plan costs as the main quantity (seats or a metric) grows, drawn
// as inline SVG from totals Python computed (`calculator.cost_curve`). Tiers show as kinks,
// volume cliffs as drops, break-even points as crossings. Numbers are only turned into
// coordinates here; axis labels use the browser's number formatting for round tick values, in
// the page's language (<html lang>). The words are the template's: the figure's data-words-*.
const NS = "http://www.w3.org/2000/svg";
// Drawn in CSS pixels: as wide as the figure and as tall as site.css makes the SVG, so the
// ticks' 12 units are 12 px on a phone as on a desktop (a wider drawing scaled down made them 8).
const H = 260, PAD = { left: 64, right: 16, top: 16, bottom: 40 };
const COLOURS = 8; // line colours in site.css (.rk-chart__line--0 to --7), reused past eight plans
const MOST_STEPS = 5; // an axis is cut in at most five steps: six labels at most

const LANGUAGE = globalThis.document?.documentElement.lang || "en-US";

// A pattern of the template's with its {name} holes filled.
export function filled(pattern, values) {
  return pattern.replace(/\{(\w+)\}/g, (hole, name) => values[name] ?? hole);
}

export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const isWhole = (x) => Math.abs(x - Math.round(x)) < 1e-6;

// The step between an axis's ticks: the smallest of 1, 2, 2.5 and 5 times a power of ten that
// cuts `top` in at most MOST_STEPS steps and is a whole number of `unit`s (a cent, a yen, a seat).
function niceStep(top, unit) {
  const least = Math.max(top / MOST_STEPS, unit);
  for (let magnitude = 10 ** Math.floor(Math.log10(least)); ; magnitude *= 10) {
    const step = [1, 2, 2.5, 5].map((m) => m * magnitude)
      .find((m) => m >= least * (1 - 1e-9) && isWhole(m / unit));
    if (step) return step;
  }
}

// The ticks from 0 by `step` up to `top` (`reach`: up to the first tick at or above it).
function ticksTo(top, step, reach) {
  const count = reach ? Math.ceil(top / step - 1e-9) : Math.floor(top / step + 1e-9);
  return Array.from({ length: Math.max(count, 1) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

// The money axis's ticks, {value, label}: 0 by a nice step that is whole minor units of the
// currency (a JPY axis steps by whole yen) up to the first tick at or above `top`, each
// labelled with its exact amount (in minor units only when the step needs them).
export function moneyTicks(top, currency) {
  const minor = new Intl.NumberFormat(LANGUAGE, { style: "currency", currency })
    .resolvedOptions().maximumFractionDigits;
  const step = niceStep(Math.max(top, 10 ** -minor), 10 ** -minor);
  const values = ticksTo(Math.max(top, step), step, true);
  const compact = values.at(-1) >= 100000; // $250K, $1.25M
  const digits = compact ? [0, 3] : isWhole(step) ? [0, 0] : [minor, minor];
  const format = new Intl.NumberFormat(LANGUAGE, { style: "currency", currency,
    minimumFractionDigits: digits[0], maximumFractionDigits: digits[1],
    notation: compact ? "compact" : "standard" });
  return values.map((value) => ({ value, label: format.format(value) }));
}

// The quantity axis's ticks, {value, label}: 0 by a nice step (whole for seats) up to `max`,
// the axis's end (Python's: a nice number, so it is the last tick).
export function quantityTicks(max, seats) {
  const step = niceStep(max, seats ? 1 : 10 ** -6);
  const format = new Intl.NumberFormat(LANGUAGE, { maximumFractionDigits: 6,
    notation: max >= 100000 ? "compact" : "standard" });
  return ticksTo(max, step, false).map((value) => ({ value, label: format.format(value) }));
}

// The curves are redrawn only when they, the chosen plan or the billing period change; an edit
// that keeps them (most keystrokes: the curve spans the quantity being typed) only moves the
// marker, so the chart costs next to nothing per keystroke.
export function drawChart(figure, curve, view = {}) {
  const canvas = figure.querySelector("svg");
  if (!curve) {
    figure.hidden = true;
    figure.drawn = null;
    return;
  }
  figure.hidden = false;
  const period = view.quote?.billing === "annual" ? "year" : "month";
  const drawn = figure.drawn;
  const width = drawingWidth(figure);
  if (!drawn || drawn.curve !== curve || drawn.plan !== view.plan || drawn.period !== period ||
      drawn.width !== width) {
    figure.drawn = drawCurves(figure, curve, view, period, width);
  }
  placeMarker(canvas, figure.drawn, view);
  figure.drawn.view = view;
}

// The figure's width in CSS pixels. Read from the layout once; then a ResizeObserver keeps it
// (and redraws when it changes: a turned phone), so that an edit never makes the browser lay
// out the page in the middle of drawing (reading clientWidth did, at every keystroke).
function drawingWidth(figure) {
  if (figure.drawingWidth === undefined) {
    figure.drawingWidth = Math.round(figure.clientWidth) || 640;
    new ResizeObserver(() => {
      const width = Math.round(figure.clientWidth); // fresh here: observers run after layout
      if (!width || width === figure.drawingWidth) return;
      figure.drawingWidth = width;
      if (figure.drawn) drawChart(figure, figure.drawn.curve, figure.drawn.view);
    }).observe(figure);
  }
  return figure.drawingWidth;
}

function drawCurves(figure, curve, view, period, W) {
  const canvas = figure.querySelector("svg");
  const legend = figure.querySelector("[data-slot=legend]");
  const xs = curve.quantities.map(Number);
  // a plan priced at one point only (Team at 0 API calls) draws no line: no legend entry either
  const plans = Object.entries(curve.plans).filter(([, points]) => points.filter((p) => p !== null).length > 1);
  const totals = plans.flatMap(([, points]) => points.filter((p) => p !== null).map(Number));
  const yTicks = moneyTicks(Math.max(...totals, 1),
    view.quote?.currency ?? view.catalog?.currency ?? "USD");
  const xMax = Math.max(...xs, 1), yMax = yTicks.at(-1).value;
  const sx = (x) => PAD.left + (x / xMax) * (W - PAD.left - PAD.right);
  const sy = (y) => H - PAD.bottom - (y / yMax) * (H - PAD.top - PAD.bottom);

  const parts = [];
  for (const { value, label } of yTicks) {
    parts.push(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(value), y2: sy(value), class: "rk-chart__grid" }));
    parts.push(svg("text", { x: PAD.left - 8, y: sy(value) + 4, class: "rk-chart__tick", "text-anchor": "end" }, label));
  }
  for (const { value, label } of quantityTicks(xMax, curve.metric === "seats")) {
    parts.push(svg("text", { x: sx(value), y: H - PAD.bottom + 18, class: "rk-chart__tick",
      "text-anchor": "middle" }, label));
  }
  const names = Object.fromEntries((view.catalog?.plans ?? []).map((p) => [p.id, p.name]));
  const words = figure.dataset;
  const metric = curve.metric === "seats" ? words.wordsSeats : view.catalog?.metrics?.[curve.metric]?.name ?? curve.metric;
  parts.push(svg("text", { x: (W + PAD.left) / 2, y: H - 6, class: "rk-chart__axis", "text-anchor": "middle" },
    curve.metric === "seats" ? words.wordsAxisSeats : filled(words.wordsAxisUsage, { metric })));
  legend.replaceChildren();
  plans.forEach(([planId, points], index) => {
    let d = "";
    let drawing = false;
    points.forEach((total, i) => {
      if (total === null) { drawing = false; return; }
      d += `${drawing ? "L" : "M"}${sx(xs[i]).toFixed(1)} ${sy(Number(total)).toFixed(1)} `;
      drawing = true;
    });
    const chosen = planId === view.plan;
    parts.push(svg("path", { d, class: `rk-chart__line rk-chart__line--${index % COLOURS}${chosen ? " rk-chart__line--chosen" : ""}`,
      "data-plan": planId }));
    const item = document.createElement("li");
    item.className = `rk-chart__key rk-chart__key--${index % COLOURS}${chosen ? " rk-chart__key--chosen" : ""}`;
    item.textContent = names[planId] ?? planId;
    legend.append(item);
  });
  const title = period === "year" ? words.wordsTitleAnnual : words.wordsTitleMonthly;
  canvas.replaceChildren(svg("title", {}, filled(title, { metric })), ...parts);
  canvas.setAttribute("viewBox", `0 0 ${W} ${H}`);
  return { curve, plan: view.plan, period, width: W, sx, sy, xMax, yMax };
}

// The dot for the current estimate: its quantity and total (same billing period as the curves).
function placeMarker(canvas, { sx, sy, xMax, yMax }, view) {
  let marker = canvas.querySelector("[data-testid=calculator-chart-marker]");
  const x = Number(view.x), y = Number(view.quote?.total);
  if (view.quote?.status !== "priced" || view.x === undefined || !Number.isFinite(x) || x > xMax) {
    marker?.remove();
    return;
  }
  if (!marker) {
    marker = svg("circle", { r: 6, class: "rk-chart__marker", "data-testid": "calculator-chart-marker" });
    canvas.append(marker);
  }
  marker.setAttribute("cx", sx(x));
  marker.setAttribute("cy", sy(Math.min(y, yMax)));
}
