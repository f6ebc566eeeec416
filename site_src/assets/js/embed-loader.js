// The embeddable calculator's loader (docs/embed.md), for a page on another site:
//   <script src="https://pricing.example.com/embed/embed.js" data-query="plan=team&seats=25" async></script>
// puts an iframe of the site's embed page where the script stands (or into the element named by
// data-target) and sizes it from the embed's messages. It takes messages only from that frame
// and the site's own origin, reads only a type and a number from them, and runs nothing.
(function () {
  var PREFIX = "pricing-calculator:";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var page = new URL("calculator/", script.src);
  var origin = page.origin;
  var query = script.getAttribute("data-query");
  if (query) page.search = query.replace(/^\?/, "");

  var frame = document.createElement("iframe");
  frame.src = page.href;
  frame.title = script.getAttribute("data-title") || "Pricing calculator";
  frame.setAttribute("data-pricing-calculator", "");
  frame.style.cssText = "display:block;width:100%;border:0;height:" +
    (script.getAttribute("data-height") || "720") + "px";
  var target = script.getAttribute("data-target");
  var place = target && document.querySelector(target);
  if (place) place.appendChild(frame);
  else script.parentNode.insertBefore(frame, script);

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    var type = data.type.slice(PREFIX.length);
    if (type === "height") {
      var height = Number(data.height);
      if (isFinite(height) && height > 0 && height < 100000) frame.style.height = Math.ceil(height) + "px";
    } else if (type === "ready") {
      frame.dispatchEvent(new CustomEvent("pricing-calculator:ready", { bubbles: true }));
    }
  });
})();
