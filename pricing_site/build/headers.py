"""HTTP headers for static hosts: the site's Content-Security-Policy and cache rules.

Written into the build as ``_headers`` (the format Netlify and Cloudflare Pages read). The
policy allows nothing but the site's own origin: no inline script (Material's inline
snippets are moved to files by site_src/overrides/partials/javascripts/), and
'wasm-unsafe-eval' only so that Pyodide can compile its WebAssembly.

With the embed on (``site.embed``, docs/embed.md), framing is said per path instead: the policy
on every path leaves ``frame-ancestors`` out, each top-level entry of the site holding a page
gets ``frame-ancestors 'none'`` in a second policy (browsers enforce every policy sent), and the
embed's folder gets the origins allowed. Hosts merge every rule matching a path, so one on
``/*`` saying ``'none'`` would forbid the embed too.

A guest in someone else's site (``pricing_site.build.guest``) says nothing about the host's
paths: no policy (the host's pages keep Material's inline scripts, which it would block), only
the caching and types of its own files, after the host's own ``_headers`` when it has one.
"""

from pathlib import Path

from .guest import OWN_FOLDERS, append_text

POLICY = "; ".join([
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
])
NO_FRAMING = "frame-ancestors 'none'"
CSP = f"{POLICY}; {NO_FRAMING}"

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
OWN_IMMUTABLE_PATHS = tuple(path for path in IMMUTABLE_PATHS
                            if path.startswith(tuple(f"/{folder}/" for folder in OWN_FOLDERS)))
# the price list for machines (pricing_site.pages.price_list), read as text, not downloaded
TEXT_TYPES = {"pricing.md": "text/markdown; charset=utf-8", "llms.txt": "text/plain; charset=utf-8"}


def immutable_paths(folders=()):
    """``IMMUTABLE_PATHS`` at the site's root and in each locale folder of ``folders`` ("de/"):
    a locale's build keeps such files of its own (its catalog.json) under its folder."""
    return IMMUTABLE_PATHS + tuple(f"/{folder}{path.lstrip('/')}" for folder in folders
                                   for path in IMMUTABLE_PATHS)


def immutable_prefixes(folders=()):
    """The prefixes of ``immutable_paths(folders)``."""
    return tuple(path.removesuffix("*") for path in immutable_paths(folders))


def immutable(path, folders=()):
    """True when the file at site path ``path`` ("/assets/...") never changes under its URL;
    ``folders``: the site's locale folders, whose own assets are such files too."""
    return path.startswith(immutable_prefixes(folders) if folders else IMMUTABLE_PREFIXES)


def headers_file(embed=None, folders=()):
    """The text of ``_headers``: security headers on every path, long caching where safe.
    ``embed``: ``(folder, origins, pages)`` when the embed is on: its folder ("embed/"), the
    origins that may frame it, and the other top-level paths holding pages (``page_roots``).
    ``folders``: the site's locale folders ("de/"), each a site of its own under the root."""
    security = SECURITY if embed is None else {**SECURITY, "Content-Security-Policy": POLICY}
    lines = ["/*"] + [f"  {name}: {value}" for name, value in security.items()]
    if embed is not None:
        folder, origins, pages = embed
        for path in pages:
            lines += ["", path, f"  Content-Security-Policy: {NO_FRAMING}"]
        for root in ("", *folders):
            lines += ["", f"/{root}{folder}*",
                      f"  Content-Security-Policy: frame-ancestors {' '.join(origins)}"]
    for path in immutable_paths(folders):
        lines += ["", path, f"  Cache-Control: {IMMUTABLE}"]
    lines += ["", "/*.wasm", "  Content-Type: application/wasm"]
    lines += ["", "/*.md", f"  Content-Type: {TEXT_TYPES['pricing.md']}"]
    lines += ["", "/llms.txt", f"  Content-Type: {TEXT_TYPES['llms.txt']}"]
    return "\n".join(lines) + "\n"


def guest_headers_file(written=(), embed=None):
    """The rules of a guest's own paths: long caching of its versioned files, the runtime's
    wasm type, the text types of the price list files it ``written``, and, with ``embed``
    (``(folder, origins)``), who may frame the embed's folder."""
    lines = []
    for path in OWN_IMMUTABLE_PATHS:
        lines += [path, f"  Cache-Control: {IMMUTABLE}", ""]
    lines += ["/assets/pyodide/*.wasm", "  Content-Type: application/wasm", ""]
    for name in (name for name in TEXT_TYPES if name in written):
        lines += [f"/{name}", f"  Content-Type: {TEXT_TYPES[name]}", ""]
    if embed is not None:
        folder, origins = embed
        lines += [f"/{folder}*", f"  Content-Security-Policy: frame-ancestors {' '.join(origins)}",
                  ""]
    return "\n".join(lines)


def write_guest_headers(site_dir, written=(), embed=None, after_hosts=False):
    """A guest's rules as ``site_dir``'s ``_headers``, or after the host's own (``after_hosts``:
    its docs folder has one, which MkDocs has copied there)."""
    path, rules = Path(site_dir, "_headers"), guest_headers_file(written, embed)
    if after_hosts:
        append_text(path, rules)
    else:
        path.write_text(rules, encoding="utf-8")


def page_roots(site_dir, skip, folders=()):
    """The ``_headers`` paths covering every page of ``site_dir`` but folder ``skip``: the
    root ("/", "/index.html"), each page at the top and each top-level folder holding one;
    in each locale folder of ``folders`` the same, under it."""
    site = Path(site_dir)
    roots = set()
    for folder in folders:
        roots |= {f"/{folder}{root.lstrip('/')}" for root in page_roots(site / folder, skip)}
    for page in site.rglob("*.html"):
        top = page.relative_to(site).parts[0]
        if top == page.name:
            roots.add(f"/{top}")
            if top == "index.html":
                roots.add("/")
        elif top != skip.strip("/") and f"{top}/" not in folders:
            roots.add(f"/{top}/*")
    return sorted(roots)


def write_headers(site_dir, embed=None, folders=()):
    """``_headers`` in ``site_dir``; ``embed``: ``(folder, origins)`` when the embed is on;
    ``folders``: the site's locale folders, built in it."""
    if embed is not None:
        folder, origins = embed
        embed = (folder, origins, page_roots(site_dir, folder, folders))
    Path(site_dir, "_headers").write_text(headers_file(embed, folders), encoding="utf-8")
