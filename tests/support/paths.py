"""Where the project is, for tests anywhere in the tree."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "plans.yaml"
DEMO_TEXTS = ROOT / "locales"   # the demo's locales' texts, which plans.yaml names beside it


def with_demo_texts(folder, pages=True):
    """Put the demo's locale texts (``locales/``) in ``folder``, where a copy of the demo's
    plans.yaml written there finds them, as it finds them beside the original; ``pages``
    False leaves out the locales' markdown pages (its German build shows the English ones).
    Returns ``folder``."""
    import shutil
    shutil.copytree(DEMO_TEXTS, Path(folder) / DEMO_TEXTS.name, dirs_exist_ok=True,
                    ignore=None if pages else shutil.ignore_patterns("*.md"))
    return folder


def one_language(data):
    """The demo's parsed plans.yaml without its ``locales:``: a test of what one language's
    pages show builds that language alone (and needs no locale texts beside its copy)."""
    data.pop("locales", None)
    return data
