"""Shared fixtures: the demo catalog and small catalogs built from one charge."""

from pathlib import Path

import pytest

from calculator import load_catalog

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "plans.yaml"


@pytest.fixture(scope="session")
def demo():
    return load_catalog(DEMO)
