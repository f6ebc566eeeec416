/* Our pricing page inside someone else's Material site with instant navigation on (docs/
   plugin.md). Material then swaps a page's content in without loading the page, and runs its
   scripts again without their attributes: the calculator's configuration block loses its id,
   and its modules, which a document runs once, would stay bound to the content swapped out.
   So the page is always a full load: reached that way it loads itself again, and its links
   leave with a full load too (Material leaves alone a link that names a target). */
(function () {
  "use strict";
  function page(url) {
    return String(url).split("#")[0];
  }
  var loaded = window.performance && performance.getEntriesByType("navigation")[0];
  if (loaded && page(loaded.name) !== page(window.location.href)) {
    window.location.reload();
    return;
  }
  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (link && !link.target) link.target = "_self";
  }, true);
})();
