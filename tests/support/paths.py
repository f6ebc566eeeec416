"""Where the project is, for tests anywhere in the tree."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "plans.yaml"
