/* The plan cards as a link asks for them (?period=, else ?billing=; ?currency=), from the
   first frame. The
   toggles' own scripts come after the first frame (js/after-paint.js): until then a shared or
   campaign link showed the page's own period and currency, then flipped (0.5-0.9 s on a phone
   over a real link). This classic script in the pricing page's head runs before the cards are
   parsed and, as the parser inserts them, checks the link's radios (the CSS shows the period
   of the checked one, with :has: the page's data-billing stays the period it opens on, which
   billing-toggle.js reads) and shows the prices of the link's currency (each currency's are in
   the page, marked data-book; only a currency the page has a radio for). The toggles' scripts
   find the same state, as a choice made before they ran, and go on from it. Nothing is
   computed here. */
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  // a calculator's link (?billing=) without the cards' ?period= is the cards' period too
  var period = query.has("period") ? query.get("period") : query.get("billing");
  var currency = query.get("currency");
  if (period !== "annual" && period !== "monthly") period = null;
  if (!period && !currency || !window.MutationObserver) return;
  var RADIOS = 'input[name="period"], input[name="price-currency"]';

  // the radio of `name` with `value`, checked (which unchecks the rest of its group); true
  // when the page has it
  function check(name, value) {
    var wanted = Array.prototype.filter.call(document.getElementsByName(name), function (radio) {
      return radio.value === value;
    })[0];
    if (wanted) wanted.checked = true;
    return Boolean(wanted);
  }
  var known = false; // the link's currency is one the page has (its radio is parsed)
  function take(node) {
    if (node.matches(RADIOS)) { // a radio parsed checked as the page opens unchecks the link's
      if (period) check("period", period);
      if (currency) known = check("price-currency", currency) || known;
    } else if (known && node.hasAttribute("data-book")) {
      node.hidden = node.getAttribute("data-book") !== currency;
    }
  }
  var parsing = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        take(node);
        node.querySelectorAll(RADIOS + ", [data-book]").forEach(take);
      });
    });
  });
  parsing.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { parsing.disconnect(); });
})();
