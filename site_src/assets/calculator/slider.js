// The calculator's sliders: each mirrors its number field. Metric sliders move on a log scale so
// one slider spans 0 to millions. Only the position is mapped here: the number itself, as text,
// is what the form sends to Python.
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

export function bindSliders(form) {
  for (const slider of form.querySelectorAll("input[type=range][data-for]")) {
    const field = form.querySelector(`[name="${slider.dataset.for}"]`);
    if (field) valueToSlider(slider, field.value);
  }
}

export function syncSlider(form, target) {
  if (target.type === "range" && target.dataset.for) {
    const field = form.querySelector(`[name="${target.dataset.for}"]`);
    field.value = sliderToValue(target);
  } else if (target.name) {
    const slider = form.querySelector(`input[type=range][data-for="${target.name}"]`);
    if (slider && Number.isFinite(Number(target.value))) valueToSlider(slider, target.value);
  }
}
