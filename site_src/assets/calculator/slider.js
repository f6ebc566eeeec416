// The calculator's sliders: each mirrors its number field. Metric sliders move on a log scale so
// one slider spans 0 to millions, and stop at round values (1, 2, 2.5 and 5 times a power of
// ten: 10,000 calls, not 11,121). Only the position is mapped here: the number itself, as text,
// is what the form sends to Python, and a slider follows the quantity Python read from it (a
// typed 11,121 stays 11,121: the slider stands near it).
//   <input type="range" max="1000" data-for="usage.storage_gb" data-max="2000" data-step="0.5"
//          data-scale="log">
// A slider's value is a whole number of steps, written as a person would type it ("0.3" for
// three steps of 0.1, never 0.30000000000000004; "20", not "20.0"), with the page's decimal
// sign ("0,3" in German: state.js inField).

import { inField } from "./state.js";

const isWhole = (x) => Math.abs(x - Math.round(x)) < 1e-9;

// The round value nearest `raw` on a log scale: 1, 2, 2.5 or 5 times a power of ten, a whole
// number of steps, from one step to `max`.
function roundNear(raw, step, max) {
  const exponent = Math.floor(Math.log10(Math.max(raw, step)));
  let best = step;
  for (let e = exponent - 1; e <= exponent + 1; e++) {
    for (const value of [1, 2, 2.5, 5].map((m) => m * 10 ** e)) {
      if (value >= step && value <= max && isWhole(value / step) &&
          Math.abs(Math.log(value / raw)) < Math.abs(Math.log(best / raw))) best = value;
    }
  }
  return best;
}

export function sliderToValue(slider) {
  const max = Number(slider.dataset.max), stepText = slider.dataset.step || "1";
  const step = Number(stepText);
  const position = Number(slider.value) / Number(slider.max);
  let raw = position * max;
  if (slider.dataset.scale === "log") {
    raw = step * ((max / step + 1) ** position - 1);
    if (position > 0 && position < 1) raw = roundNear(raw, step, max); // the ends: 0 and max
  }
  const decimals = (stepText.split(".")[1] ?? "").length;
  return String(Number((Math.round(raw / step) * step).toFixed(decimals))); // "2.5", "20"
}

export function valueToSlider(slider, value) {
  const max = Number(slider.dataset.max), step = Number(slider.dataset.step || 1);
  const v = Math.min(Math.max(Number(value) || 0, 0), max);
  const position = slider.dataset.scale === "log"
    ? Math.log(v / step + 1) / Math.log(max / step + 1) : v / max;
  slider.value = String(Math.round(position * Number(slider.max)));
}

// A slider moved: its field gets the slider's value as text, which Python reads as it reads
// anything typed there.
export function fillFromSlider(form, target) {
  if (target.type !== "range" || !target.dataset.for) return;
  form.querySelector(`[name="${target.dataset.for}"]`).value = inField(form, sliderToValue(target));
}

// Each slider named in `quantities` ({field name: quantity}) at that quantity: what Python read
// from the field (a quote's request), or the build's starting value. Never this page's reading
// of the field's text, which differs from Python's ("0x1F" is 31 to Number(), "٣٠" nothing): a
// field Python refuses gets no quote, so its slider stays where it was. A slider already at the
// quantity stays put (on a log scale many positions give one value; a drag ends on its own).
export function placeSliders(form, quantities) {
  for (const slider of form.querySelectorAll("input[type=range][data-for]")) {
    const value = quantities[slider.dataset.for];
    if (value !== undefined && sliderToValue(slider) !== String(value)) valueToSlider(slider, value);
  }
}
