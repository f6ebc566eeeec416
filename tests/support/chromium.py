"""Debian's Chromium under Playwright (no ``playwright install``: no browser downloads here)."""

from tests.support.tier import require_e2e

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def launch(playwright):
    require_e2e("Chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def launch_profile(playwright, user_data_dir):
    """A browser with its profile on disk (a persistent context): HTTP cache and V8 code caches
    kept as in a visitor's own browser, unlike ``new_context()``'s in-memory one."""
    require_e2e("Chromium")
    return playwright.chromium.launch_persistent_context(user_data_dir, executable_path=CHROMIUM,
                                                         args=ARGS)
