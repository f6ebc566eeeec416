/* Billing toggle: mirrors the checked radio into data-billing on .rk-pricing (for browsers
   without CSS :has) and into ?billing= so a shared link keeps the choice. Both sets of prices
   are already in the page, prerendered by calculator.quote: nothing is computed here. */
(function () {
  "use strict";
  var root = document.querySelector(".rk-pricing");
  if (!root) return;
  var radios = root.querySelectorAll('input[name="billing"]');
  function show(value, remember) {
    root.setAttribute("data-billing", value);
    if (remember && window.history && window.URL) {
      var url = new URL(window.location.href);
      url.searchParams.set("billing", value);
      window.history.replaceState(null, "", url);
    }
  }
  var wanted = new URLSearchParams(window.location.search).get("billing");
  radios.forEach(function (radio) {
    if (radio.value === wanted) radio.checked = true;
    if (radio.checked) show(radio.value, false);
    radio.addEventListener("change", function () { show(radio.value, true); });
  });
})();
