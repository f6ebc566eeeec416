"""MkDocs hook, live preview only (``pricing-site serve``): a rebuild that fails shows why in
the browser.

MkDocs' live-reload server keeps its last good build and, after a failed rebuild, holds every
page request until a rebuild succeeds: the browser just spins, and the located messages are
only in the terminal. Here a failed rebuild turns every page of the served folder into one
page listing the problems, as the terminal prints them; the browser reloads to it, and back to
the site once the file is fixed and saved (the next good build writes every page again).
"""

import logging
import traceback
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort

from pricing_site.build.guest import is_guest

log = logging.getLogger("mkdocs")
_last_error = None  # the failed build's own exception (MkDocs then raises a bare Abort)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The site did not build</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem">
<h1>The site did not build</h1>
<p>Fix what is listed below and save the file: this page reloads by itself and shows the site
again once it builds.</p>
<pre data-testid="build-error" style="white-space: pre-wrap; background: #fff4e5; padding: 1rem; border-radius: 8px">{errors}</pre>
</body></html>
"""


def on_build_error(error):
    global _last_error
    _last_error = error


def on_serve(server, config, builder):
    if is_guest(config):  # the host's preview keeps MkDocs' own ways
        return server
    site_dir = Path(server.root)
    pages = _pages(site_dir)  # of the last good build (MkDocs empties the folder before a
    # page or template fails, so the error goes where those pages were)

    def rebuild():
        nonlocal pages
        global _last_error
        _last_error = None
        try:
            builder()
        except Exception as exc:  # noqa: BLE001 - any failure is shown, as the terminal shows it
            if not isinstance(exc, Abort):
                traceback.print_exc()  # what MkDocs' server would print
            show_error(site_dir, pages | _pages(site_dir), _last_error or exc)
            log.error("The pages show these problems until the site builds again.")
        else:
            pages = _pages(site_dir)

    server.builder = rebuild
    return server


def _pages(site_dir):
    return {file.relative_to(site_dir) for file in site_dir.rglob("*.html")}


def show_error(site_dir, pages, error):
    """Each of ``pages`` (paths in ``site_dir``) becomes the page that lists ``error``'s
    problems; a template's mistake is named by its file and line."""
    text = str(error)
    if getattr(error, "filename", None) and getattr(error, "lineno", None):
        text = f"{error.filename}:{error.lineno}: {text}"
    page = PAGE.format(errors=escape(text))
    for name in pages:
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_text(page, encoding="utf-8")
