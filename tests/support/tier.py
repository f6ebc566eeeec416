"""The two tiers: ``pytest -m "not e2e"`` (the engine, the catalog, page data, in process: a
minute at most) and the whole suite, with every test that starts Chromium, a site build,
Pyodide (in Node) or the ``pricing-site`` command in a process of its own: ``e2e``.

A test that starts one of those without ``@pytest.mark.e2e`` fails, naming the mark, so the
fast tier stays fast as tests are added: ``require_e2e`` is called where they start
(tests/support/chromium.py, the demo build, the CLI tests' ``run``, and MkDocs' build and the
runtime bundle, wrapped by tests/conftest.py).
"""

_running = None   # the test being set up or run


def entering(item):
    global _running
    _running = item


def require_e2e(what):
    """Raise when the running test starts ``what`` but is not marked e2e."""
    if _running is not None and _running.get_closest_marker("e2e") is None:
        raise RuntimeError(f"{_running.nodeid} starts {what}: mark it @pytest.mark.e2e")
