// Material for MkDocs' inline script from partials/javascripts/palette.html, moved to a file so
// the site runs under a Content-Security-Policy without 'unsafe-inline' (see
// tests/test_security.py, which checks this copy against the installed Material), after one
// step of ours: a first visit's palette follows the visitor's colour preference before the
// first paint. Material's bundle picks it when it starts, which here is after the page's
// largest paint (js/material-late.js): a dark-mode visitor would read a light page until then.
(function () {
  if (__md_get("__palette")) return;  // a palette the visitor chose: Material's step below
  var inputs = document.querySelectorAll("[data-md-color-media]");
  for (var i = 0; i < inputs.length; i++) {
    if (!matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) continue;
    ["scheme", "primary", "accent"].forEach(function (key) {
      var value = inputs[i].getAttribute("data-md-color-" + key);
      if (value) document.body.setAttribute("data-md-color-" + key, value);
    });
    return;
  }
})();
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
