// The calculator's sliders: each mirrors its number field. Metric sliders move on a log scale so
// one slider spans 0 to millions. Only the position is mapped here: the number itself, as text,
// is what the form sends to Python, and a slider follows the quantity Python read from it.
//   <input type="range" max="1000" data-for="usage.storage_gb" data-max="2000" data-step="0.5"
//          data-scale="log">
// A slider's value is a whole number of steps, written as a person would type it ("0.3" for
// three steps of 0.1, never 0.30000000000000004; "20", not "20.0").

export function sliderToValue(slider) {
  const max = Number(slider.dataset.max), stepText = slider.dataset.step || "1";
  const step = Number(stepText);
  const position = Number(slider.value) / Number(slider.max);
  const raw = slider.dataset.scale === "log" ? step * ((max / step + 1) ** position - 1)
    : position * max;
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
  form.querySelector(`[name="${target.dataset.for}"]`).value = sliderToValue(target);
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
