"""A minimal site around the calculator bundle: what the pricing page template will do.

The page sits one level down (``pricing/``) so the client's site-root resolution is exercised,
and holds no inline executable script, so it runs under ``STRICT_CSP``.
"""

import html
import json
from pathlib import Path

from calculator import QuoteError, quote
from pricing_site.runtime import emit_bundle, prepare_bundle

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Calculator runtime test page</title>
<script type="application/json" id="calculator-config">{config}</script>
<script type="module" src="../{client}"></script>
</head>
<body><h1>Pricing</h1></body>
</html>
"""


def write_test_site(site_dir, catalog):
    """Emit the bundle into ``site_dir`` plus ``pricing/index.html``; return the bundle's URLs."""
    bundle = prepare_bundle(catalog)
    emit_bundle(site_dir, catalog, bundle)
    urls = bundle.urls
    config = {k: v for k, v in urls.items() if k != "client"}
    # JSON inside <script>: escape "</" so no value can close the element
    text = json.dumps(config).replace("</", "<\\/")
    page = Path(site_dir) / "pricing" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(config=text, client=html.escape(urls["client"])), encoding="utf-8")
    (Path(site_dir) / "favicon.ico").write_bytes(b"")  # no 404 in the console
    return urls


# Each quote in the page, settled into the same shape as cpython() (or a JS-side failure).
SETTLE = """async (requests) => Promise.all(requests.map((r) =>
  window.pricingCalculator.quote(r).then(
    (ok) => ({ok}),
    (e) => (e.name === "QuoteError" ? {error: e.message, field: e.field ?? null}
                                    : {js_error: `${e.name}: ${e.message}`}))))"""


def cpython(catalog, request):
    """What the browser must give: ``{"ok": to_dict()}`` or ``{"error", "field"}``, as JSON data."""
    try:
        return {"ok": json.loads(json.dumps(quote(catalog, request).to_dict()))}
    except QuoteError as exc:
        return {"error": str(exc), "field": exc.field}


def settle(page, requests):
    """The page's answers to ``requests``, in cpython()'s shape."""
    return page.evaluate(SETTLE, requests)
