// The planner's chart: each month's bill as a bar, from the totals Python computed (a
// forecast's `months`), and a numbered line at each month where a price changes (its
// `crossings`, listed under the chart with the same numbers). Numbers are only turned into
// coordinates here; the money axis and the SVG helper are chart.js's, the words the template's
// (the figure's data-words-axis and data-words-title).
import { filled, moneyTicks, svg } from "./chart.js";

// 640 units wide, or 360 in a figure under 480 px (a phone), so the 11-unit labels stay
// readable once scaled to the screen (as chart.js does)
const WIDE = 640, NARROW = 360, H = 240, PAD = { left: 60, right: 8, top: 30, bottom: 36 };
const LABEL_GAP = 26; // the fewest units between two month labels

// The drawing's width, from the figure's width as a ResizeObserver reports it: after a layout
// the browser makes anyway, so no layout is forced (the page's first run, a keystroke), and
// none while the planner is closed (nothing laid out: the chart waits until it opens). It
// redraws when the figure crosses 480 px.
function watchWidth(figure) {
  if (figure.watched) return;
  figure.watched = true;
  new ResizeObserver(([entry]) => {
    const px = entry.contentRect.width;
    const width = px < 480 ? NARROW : WIDE;
    if (!px || width === figure.drawingWidth) return;
    figure.drawingWidth = width;
    draw(figure, figure.forecast);
  }).observe(figure);
}

// Draws `forecast` once the figure's width is known (see watchWidth).
export function drawPlan(figure, forecast) {
  figure.forecast = forecast;
  watchWidth(figure);
  if (figure.drawingWidth !== undefined) draw(figure, forecast);
}

function draw(figure, forecast) {
  const W = figure.drawingWidth;
  const months = forecast.months;
  const totals = months.map((month) => (month.total === null ? null : Number(month.total)));
  const ticks = moneyTicks(Math.max(...totals.filter((total) => total !== null), 1), forecast.currency);
  const yMax = ticks.at(-1).value;
  const slot = (W - PAD.left - PAD.right) / months.length;
  const x = (index) => PAD.left + index * slot;
  const y = (value) => H - PAD.bottom - (value / yMax) * (H - PAD.top - PAD.bottom);
  const parts = [];
  for (const { value, label } of ticks) {
    parts.push(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y(value), y2: y(value), class: "rk-chart__grid" }));
    parts.push(svg("text", { x: PAD.left - 6, y: y(value) + 4, class: "rk-chart__tick", "text-anchor": "end" }, label));
  }
  const every = Math.ceil(LABEL_GAP / slot);
  const gap = Math.min(slot * 0.15, 6);
  months.forEach((month, index) => {
    const total = totals[index];
    parts.push(total === null
      ? svg("rect", { x: x(index) + gap, y: PAD.top, width: slot - 2 * gap, height: H - PAD.top - PAD.bottom,
        class: "rk-planner__bar rk-planner__bar--unpriced", "data-month": month.month })
      : svg("rect", { x: x(index) + gap, y: y(total), width: slot - 2 * gap, height: y(0) - y(total),
        class: "rk-planner__bar", "data-month": month.month }));
    if (index % every === 0) {
      parts.push(svg("text", { x: x(index) + slot / 2, y: H - PAD.bottom + 16, class: "rk-chart__tick",
        "text-anchor": "middle" }, String(month.month)));
    }
  });
  parts.push(svg("text", { x: (W + PAD.left) / 2, y: H - 4, class: "rk-chart__axis", "text-anchor": "middle" }, figure.dataset.wordsAxis));
  parts.push(...crossingMarks(forecast.crossings, x));
  const canvas = figure.querySelector("svg");
  canvas.replaceChildren(svg("title", {}, filled(figure.dataset.wordsTitle, { months: months.length })), ...parts);
  canvas.setAttribute("viewBox", `0 0 ${W} ${H}`);
}

// One dashed line a month where prices change, at the month's start, with the numbers of its
// crossings in the list under the chart ("1", or "2,3" for two in one month).
function crossingMarks(crossings, x) {
  const byMonth = new Map();
  crossings.forEach((crossing, index) => {
    byMonth.set(crossing.month, [...(byMonth.get(crossing.month) ?? []), index + 1]);
  });
  const marks = [];
  for (const [month, numbers] of byMonth) {
    const left = x(month - 1), label = numbers.join(",");
    const width = 8 + 7 * label.length;
    marks.push(svg("line", { x1: left, x2: left, y1: PAD.top - 6, y2: H - PAD.bottom, class: "rk-planner__crossing",
      "data-month": month }));
    marks.push(svg("rect", { x: left - width / 2, y: PAD.top - 24, width, height: 18, rx: 9,
      class: "rk-planner__badge" }));
    marks.push(svg("text", { x: left, y: PAD.top - 11, class: "rk-planner__badge-text", "text-anchor": "middle",
      "data-testid": "planner-crossing-mark" }, label));
  }
  return marks;
}
