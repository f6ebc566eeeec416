"""Shared fixtures: the demo catalog and small catalogs built from one charge."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from pricing_site.catalog import read_catalog
from tests.support.chromium import launch

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "plans.yaml"


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
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
