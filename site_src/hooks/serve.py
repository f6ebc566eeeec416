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
    def rebuild():
        global _last_error
        _last_error = None
        try:
            builder()
        except Exception as exc:  # noqa: BLE001 - any failure is shown, as the terminal shows it
            if not isinstance(exc, Abort):
                traceback.print_exc()  # what MkDocs' server would print
            show_error(Path(server.root), _last_error or exc)
            log.error("The pages show these problems until the site builds again.")

    server.builder = rebuild
    return server


def show_error(site_dir, error):
    """Every page of ``site_dir`` becomes the page that lists ``error``'s problems."""
    page = PAGE.format(errors=escape(str(error)))
    for file in site_dir.rglob("*.html"):
        file.write_text(page, encoding="utf-8")
