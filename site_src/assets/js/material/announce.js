// Material for MkDocs' inline script from partials/javascripts/announce.html, moved to a file so
// the site runs under a Content-Security-Policy without 'unsafe-inline' (see
// tests/test_security.py, which checks this copy against the installed Material).
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
