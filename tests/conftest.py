"""Shared fixtures (the demo catalog, one Chromium) and the e2e tier (tests/support/tier.py).

Playwright is imported only when a test asks for the browser: the fast tier runs without it.
"""

import pytest

import pricing_site.runtime
from pricing_site.build import site as build_site_module
from pricing_site.catalog import read_catalog
from pricing_site.runtime import bundle
from tests.support import tier
from tests.support.paths import DEMO, with_demo_texts


def pytest_collection_modifyitems(items):
    """A test that takes the browser is e2e, marked or not."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    tier.entering(item)   # before its fixtures: a module's build or browser counts too


def _guarded(function, what):
    def run(*args, **kwargs):
        tier.require_e2e(what)
        return function(*args, **kwargs)
    return run


# Wrapped before any test module imports them (this file is loaded first). Every in-process
# site build runs MkDocs' build through the site module's global; the runtime bundle boots
# Pyodide in Node to make the stdlib and the snapshot (when not cached, as on a new machine).
build_site_module.build = _guarded(build_site_module.build, "a full MkDocs build")
build_site_module._build_variations = _guarded(build_site_module._build_variations,
                                               "a build of every variant")
bundle.prepare_bundle = pricing_site.runtime.prepare_bundle = _guarded(
    bundle.prepare_bundle, "the calculator's runtime bundle (Pyodide in Node)")


@pytest.fixture(autouse=True)
def _demo_texts_in_tmp_path(request):
    """A copy of the demo's plans.yaml written into ``tmp_path`` (by a module that reads the
    demo) finds the locale texts it names (locales/de.yaml) beside it, as the original does."""
    if "tmp_path" in request.fixturenames and hasattr(request.module, "DEMO"):
        with_demo_texts(request.getfixturevalue("tmp_path"), pages=False)


@pytest.fixture(scope="session")
def demo_read():
    """The demo plans.yaml as the site reads it (``CatalogFile``)."""
    read = read_catalog(DEMO, lint=False)
    assert not read.errors, read.errors
    return read


@pytest.fixture(scope="session")
def demo(demo_read):
    """The demo's engine catalog."""
    return demo_read.catalog


@pytest.fixture(scope="session")
def demo_content(demo_read):
    """The demo's page content."""
    return demo_read.content


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (starting it is the slow part);
    each test opens its own page or context in it."""
    from playwright.sync_api import sync_playwright

    from tests.support.chromium import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
