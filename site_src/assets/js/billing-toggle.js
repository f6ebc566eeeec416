/* Billing toggle of the plan cards: mirrors its checked radio into data-billing on .rk-pricing
   (for browsers without CSS :has) and into ?period= so a shared link keeps the choice (the
   parameter is left out for the period the page opens on: site.pricing.period, prerendered as
   data-billing). The calculator further down has its own billing radios and ?billing=; the two
   tell each other of a change by a "pricing:billing" event, so "Yearly" chosen on the cards is
   the calculator's billing too, and the reverse. Both sets of prices are already in the page,
   prerendered by calculator.quote: nothing is computed here. */
(function () {
  "use strict";
  var EVENT = "pricing:billing";
  var root = document.querySelector(".rk-pricing");
  var toggle = root && root.querySelector("[data-testid=billing-toggle]");
  if (!toggle) return;
  var radios = toggle.querySelectorAll('input[name="period"]');
  var opensOn = root.getAttribute("data-billing") === "annual" ? "annual" : "monthly";
  function show(value, remember) {
    root.setAttribute("data-billing", value);
    if (remember && window.history && window.URL) {
      var url = new URL(window.location.href);
      if (value !== opensOn) url.searchParams.set("period", value);
      else url.searchParams.delete("period");
      window.history.replaceState(null, "", url);
    }
  }
  // What the address says, on load and on back/forward (the calculator's history entries).
  function showUrlChoice() {
    // a calculator's link (?billing=) without ?period= is the cards' period too
    var query = new URLSearchParams(window.location.search);
    var asked = query.has("period") ? query.get("period") : query.get("billing");
    var wanted = asked === "annual" || asked === "monthly" ? asked : opensOn;
    radios.forEach(function (radio) { radio.checked = radio.value === wanted; });
    show(wanted, false);
  }
  radios.forEach(function (radio) {
    radio.addEventListener("change", function () {
      show(radio.value, true);
      document.dispatchEvent(new CustomEvent(EVENT, { detail: { billing: radio.value, from: "cards" } }));
    });
  });
  document.addEventListener(EVENT, function (event) {
    var billing = event.detail.billing;
    if (event.detail.from === "cards" || (billing !== "annual" && billing !== "monthly")) return;
    radios.forEach(function (radio) { radio.checked = radio.value === billing; });
    show(billing, true);
  });
  // A choice the visitor made before this script ran (it comes after the page's first frame;
  // the toggle works with CSS alone) is kept and goes into the address, else the address's.
  var chosen = Array.prototype.filter.call(radios, function (radio) {
    return radio.checked && !radio.defaultChecked;
  })[0];
  if (chosen) show(chosen.value, true);
  else showUrlChoice();
  window.addEventListener("popstate", showUrlChoice);
})();
