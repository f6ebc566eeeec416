/* The comparison table on a narrow screen: two plans side by side, picked with the buttons
   above the table, instead of a table wider than the screen. The build presses the first pair
   and marks the other plans' cells (pricing/comparison.html), so this only answers clicks: a
   button pressed swaps out the plan picked longest ago. CSS hides the unpicked plans' cells
   only on a narrow screen where scripts run: a wide one shows every plan. */
(function () {
  "use strict";
  var section = document.querySelector("[data-testid=comparison]");
  var picker = section && section.querySelector("[data-picker]");
  if (!picker) return;
  var buttons = Array.prototype.slice.call(picker.querySelectorAll("button[data-plan]"));
  var cells = section.querySelectorAll("table [data-plan]");
  var picked = buttons.filter(function (b) { return b.getAttribute("aria-pressed") === "true"; })
    .map(function (b) { return b.getAttribute("data-plan"); });

  function show() {
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(picked.indexOf(button.getAttribute("data-plan")) >= 0));
    });
    Array.prototype.forEach.call(cells, function (cell) {
      cell.classList.toggle("rk-compare__off", picked.indexOf(cell.getAttribute("data-plan")) < 0);
    });
  }

  picker.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-plan]");
    var plan = button && button.getAttribute("data-plan");
    if (!plan || picked.indexOf(plan) >= 0) return;
    picked = [picked[picked.length - 1], plan];
    show();
  });
})();
