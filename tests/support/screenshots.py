"""Screenshots kept for a person to look at, in test-artifacts/screenshots/ (gitignored)."""

from tests.support.paths import ROOT

SHOTS = ROOT / "test-artifacts" / "screenshots"


def keep_screenshot(page, name, **options):
    """``page`` as ``<name>.png`` under SHOTS (``options``: Playwright's, e.g. ``full_page``)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path
