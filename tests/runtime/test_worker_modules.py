"""The calculator worker's modules, read as text. worker.js carries the messages only, as
Pyodide's own webworker example does; each start-up strategy is a module of its own. Every
module Python's start needs is a static import of worker.js itself: the browser then fetches
them side by side once worker.js is in, where a module found only through another's import
would come a round trip later. Each module more still costs the start a little
(bench/HISTORY.md, tenth session), so the warming and what the next visit starts from,
needed only once Python is ready, are imported then."""

import re

from pricing_site.runtime.bundle import JS_FILES
from tests.support.worker_modules import CALCULATOR_JS, imports, worker_modules

# what only the start-up modules do: boot Pyodide, read the snapshot and keep it, replace
# Pyodide's fetch and instantiation, schedule the warming rounds
STRATEGY_CODE = ("loadPyodide", "pyimport", "caches", "fetch", "WebAssembly", "unsparse", "setTimeout")


def code(name):
    """The module's text without its comments (none of these files has "//" in a string)."""
    return re.sub(r"(^|\s)//.*", "", (CALCULATOR_JS / name).read_text(encoding="utf-8"), flags=re.M)


def test_worker_js_is_the_message_protocol_only():
    text = code("worker.js")
    assert len((CALCULATOR_JS / "worker.js").read_text(encoding="utf-8").splitlines()) < 120
    assert [word for word in STRATEGY_CODE if word in text] == []
    assert {"boot.js", "page-wasm.js", "snapshot.js"} <= imports("worker.js")
    for handler in ("self.onmessage =", "self.onmessageerror ="):
        assert handler in text


def test_worker_js_imports_every_module_of_the_start_itself():
    start = worker_modules(dynamic=False)
    assert start - imports("worker.js") == {"worker.js"}
    assert {"boot.js", "snapshot.js", "sparse.js", "page-wasm.js", "gunzip.js"} <= start  # the graph was read


def test_the_warming_and_the_next_visit_are_loaded_once_python_is_ready_not_before_its_start():
    start = worker_modules(dynamic=False)
    assert "warm-up.js" not in start and "next-visit.js" not in start
    assert imports("worker.js", dynamic=True) == {"warm-up.js", "next-visit.js"}


def test_the_bundle_publishes_the_page_client_and_every_module_of_the_worker():
    client = {"client.js"} | imports("client.js")   # and the modules the client imports
    assert "start-when.js" in client
    assert sorted(JS_FILES) == sorted(worker_modules() | client)
