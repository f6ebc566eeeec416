// The budget planner's state: its form <-> the growth and horizon sent to Python <-> the URL.
// Values travel as the visitor typed them, percent and all, so Python (calculator.growth), not
// this file, decides what is a number and says what is wrong with one that is not.
//   ?plan=team&seats=10&g.seats=8&g.storage_gb=15&h=24    growth in % a month, 24 months
//   ?t.seats=40&t.storage_gb=80&h=12                      a number to reach in the last month
// The calculator's own keys (state.js) and any other are left as they are.

const KEY = /^[gt]\.|^h$/;
const MODES = { rate: "g.", target: "t." };

// The quantities the chosen plan does not grow sit in a hidden field (data-plans).
const grown = (input) => !input.closest("[data-plans]")?.hidden;

// {mode, growth, months, typed}: growth as calculator.forecast takes it ({seats: {percent:
// "8"}}, a field left empty does not grow), typed the fields by name as the link keeps them.
export function readPlanner(form) {
  const mode = form.querySelector("[name=grow]:checked")?.value === "target" ? "target" : "rate";
  const growth = {}, typed = {};
  for (const input of form.querySelectorAll(`input[name^="${MODES[mode]}"]`)) {
    if (!grown(input)) continue;
    const text = input.value.trim();
    typed[input.name] = text;
    if (text !== "") growth[input.name.slice(2)] = mode === "target" ? { target: text } : { percent: text };
  }
  return { mode, growth, months: form.elements.h.value.trim(), typed };
}

// The planner's fields as a link keeps them, or null when the query names none.
export function plannerFromQuery(query) {
  const keys = [...new Set(query.keys())].filter((key) => KEY.test(key));
  if (!keys.length) return null;
  return { mode: keys.some((key) => key.startsWith(MODES.target)) ? "target" : "rate",
    values: Object.fromEntries(keys.map((key) => [key, query.get(key)])) };
}

// A link's fields into the form; what it does not name keeps the value the page was built with.
export function writePlanner(form, state) {
  for (const radio of form.querySelectorAll("[name=grow]")) radio.checked = radio.value === state.mode;
  for (const [name, value] of Object.entries(state.values)) {
    const input = form.elements[name];
    if (input) input.value = value;
  }
  showMode(form);
}

// The page's query with the planner in it: its keys replaced, every other kept.
export function queryWithPlanner(search, planner) {
  const query = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) {
    if (!KEY.test(key)) query.append(key, value);
  }
  for (const [name, value] of Object.entries(planner.typed)) query.set(name, value);
  query.set("h", planner.months);
  return query.toString();
}

// The fields of the chosen way to grow, the others hidden (data-mode="rate" | "target").
export function showMode(form) {
  const mode = form.querySelector("[name=grow]:checked")?.value ?? "rate";
  for (const node of form.querySelectorAll("[data-mode]")) node.hidden = node.dataset.mode !== mode;
}
