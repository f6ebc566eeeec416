// Material for MkDocs' inline script from partials/javascripts/content.html, moved to a file so
// the site runs under a Content-Security-Policy without 'unsafe-inline' (see
// tests/test_security.py, which checks this copy against the installed Material).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
