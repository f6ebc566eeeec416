// Material for MkDocs' inline script from partials/javascripts/outdated.html, moved to a file so
// the site runs under a Content-Security-Policy without 'unsafe-inline' (see
// tests/test_security.py, which checks this copy against the installed Material).
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base,location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
