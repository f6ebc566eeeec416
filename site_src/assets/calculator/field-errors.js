// A form's inline errors cleared: each field's message slot emptied and hidden, no field marked
// invalid, and `region` (the bill, the planner's result) no longer greyed out or described by
// an error. The calculator (ui.js) and the planner (planner.js) write their errors into the
// same markup (a slot per field, data-error-for), so they clear them alike.
export function clearErrors(form, region) {
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    slot.textContent = "";
    slot.hidden = true;
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  region.classList.remove("rk-stale");
  region.removeAttribute("aria-describedby");
}
