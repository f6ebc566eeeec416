"""Where the project is, for tests anywhere in the tree."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "plans.yaml"
DEMO_TEXTS = ROOT / "locales"   # the demo's locales' texts, which plans.yaml names beside it


def with_demo_texts(folder):
    """Put the demo's locale texts (``locales/``) in ``folder``, where a copy of the demo's
    plans.yaml written there finds them, as it finds them beside the original; ``folder``."""
    import shutil
    shutil.copytree(DEMO_TEXTS, Path(folder) / DEMO_TEXTS.name, dirs_exist_ok=True)
    return folder
