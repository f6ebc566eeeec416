"""HTTP headers for static hosts: the site's Content-Security-Policy and cache rules.

Written into the build as ``_headers`` (the format Netlify and Cloudflare Pages read). The
policy allows nothing but the site's own origin: no inline script (Material's inline
snippets are moved to files by site_src/overrides/partials/javascripts/), and
'wasm-unsafe-eval' only so that Pyodide can compile its WebAssembly.
"""

from pathlib import Path

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

IMMUTABLE = "public, max-age=31536000, immutable"
# Paths whose content never changes under the same URL (versioned or content-hashed), each a
# prefix ending in "*" (the edge routers match them as prefixes: the same file in every variant).
IMMUTABLE_PATHS = ("/assets/v/*", "/assets/pyodide/*", "/assets/calculator/engine/*",
                   "/assets/calculator/catalog/*",
                   "/assets/calculator/stdlib/*", "/assets/calculator/snapshot/*",
                   "/assets/javascripts/bundle.*", "/assets/javascripts/workers/*",
                   "/assets/stylesheets/*")  # Material's content-hashed files, not its lunr/
IMMUTABLE_PREFIXES = tuple(path.removesuffix("*") for path in IMMUTABLE_PATHS)


def immutable(path):
    """True when the file at site path ``path`` ("/assets/...") never changes under its URL."""
    return path.startswith(IMMUTABLE_PREFIXES)


def headers_file():
    """The text of ``_headers``: security headers on every path, long caching where safe."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY.items()]
    for path in IMMUTABLE_PATHS:
        lines += ["", path, f"  Cache-Control: {IMMUTABLE}"]
    lines += ["", "/*.wasm", "  Content-Type: application/wasm"]
    # the price list for machines (pricing_site.pages.price_list), read as text, not downloaded
    lines += ["", "/*.md", "  Content-Type: text/markdown; charset=utf-8"]
    lines += ["", "/llms.txt", "  Content-Type: text/plain; charset=utf-8"]
    return "\n".join(lines) + "\n"


def write_headers(site_dir):
    Path(site_dir, "_headers").write_text(headers_file(), encoding="utf-8")
