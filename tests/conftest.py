"""Shared fixtures: the demo catalog and small catalogs built from one charge."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from calculator import load_catalog
from tests.support.chromium import launch

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "plans.yaml"


@pytest.fixture(scope="session")
def demo():
    return load_catalog(DEMO)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (starting it is the slow part);
    each test opens its own page or context in it."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
