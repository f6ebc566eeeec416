/* Currency toggle of the pricing page: shows the prerendered prices of the chosen currency (the
   plan cards, the tax line under them, the comparison table and the calculator form's price
   words hold each currency's, marked data-book; the catalog's own is shown in the HTML) and remembers the choice in ?currency=
   (left out for the catalog's own, the first radio), so a shared link keeps it. The page has
   one currency: the calculator's currency field reads the same parameter, and the two tell each
   other of a change by a "pricing:currency" event. Without JavaScript the toggle stays hidden
   and the page shows the catalog's own prices. Nothing is computed here. */
(function () {
  "use strict";
  var EVENT = "pricing:currency";
  var root = document.querySelector(".rk-pricing");
  var toggle = root && root.querySelector("[data-testid=currency-toggle]");
  if (!toggle) return;
  var radios = toggle.querySelectorAll('input[name="price-currency"]');
  var codes = Array.prototype.map.call(radios, function (radio) { return radio.value; });
  var own = codes[0];
  var books = root.querySelectorAll(".rk-plans [data-book], .rk-compare [data-book], " +
                                    ".rk-calc [data-book]");

  function show(code, remember) {
    radios.forEach(function (radio) { radio.checked = radio.value === code; });
    books.forEach(function (node) { node.hidden = node.getAttribute("data-book") !== code; });
    if (remember && window.history && window.URL) {
      var url = new URL(window.location.href);
      if (code !== own) url.searchParams.set("currency", code);
      else url.searchParams.delete("currency");
      window.history.replaceState(null, "", url);
    }
  }
  // What the address says, on load and on back/forward (the calculator's history entries).
  function showUrlChoice() {
    var asked = new URLSearchParams(window.location.search).get("currency");
    show(codes.indexOf(asked) >= 0 ? asked : own, false);
  }
  radios.forEach(function (radio) {
    radio.addEventListener("change", function () {
      show(radio.value, true);
      document.dispatchEvent(new CustomEvent(EVENT, {
        detail: { currency: radio.value, from: "cards" } }));
    });
  });
  document.addEventListener(EVENT, function (event) {
    if (event.detail.from !== "cards" && codes.indexOf(event.detail.currency) >= 0) {
      show(event.detail.currency, false); // the calculator has put it in the address already
    }
  });
  toggle.hidden = false;
  // A currency the visitor picked before this script ran (it comes after the page's first
  // frame, the toggle in place from it) is shown and goes into the address, else the address's.
  var chosen = Array.prototype.filter.call(radios, function (radio) {
    return radio.checked && !radio.defaultChecked;
  })[0];
  if (chosen) show(chosen.value, true);
  else showUrlChoice();
  window.addEventListener("popstate", showUrlChoice);
})();
