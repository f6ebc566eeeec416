"""The installable tool: where the runtime comes from, and what the plugin costs a build.

- The Pyodide runtime outside a checkout: ``npm_package("pyodide")`` into an empty cache
  (the lock's tarballs from the npm registry, sha512-checked, unpacked), against the stock way,
  ``npm ci`` of package.json and package-lock.json in an empty folder with an empty npm cache;
  then the same call with the cache filled (every later build, offline too).
- The demo build through the ``pricing`` plugin (mkdocs.yml as it is) against the same build
  with the hooks and templates listed in mkdocs.yml as before (``hooks:``, ``custom_dir``),
  caches warm.

Runs alternate ours and stock; medians of REPEAT each. Run: .venv/bin/python bench/install.py [REPEAT]
"""

import contextlib
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pricing_site.build.site import build_site
from pricing_site.build.plugin import HOOKS
from pricing_site.runtime.npm import npm_package


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternate(repeat, ours, stock):
    """Medians (s) of ``ours`` and ``stock``, run one after the other ``repeat`` times."""
    times = {"ours": [], "stock": []}
    for _ in range(repeat):
        times["ours"].append(timed(ours))
        times["stock"].append(timed(stock))
    return statistics.median(times["ours"]), statistics.median(times["stock"])


def runtime_figures(repeat, tmp):
    def ours():
        cache = Path(tempfile.mkdtemp(dir=tmp))
        npm_package("pyodide", cache_dir=cache)

    def stock():
        folder = Path(tempfile.mkdtemp(dir=tmp))
        for name in ("package.json", "package-lock.json"):
            shutil.copy(ROOT / name, folder / name)
        subprocess.run(["npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error",
                        "--cache", str(folder / ".npm")], cwd=folder, check=True)

    cold = alternate(repeat, ours, stock)
    filled = Path(tempfile.mkdtemp(dir=tmp))
    npm_package("pyodide", cache_dir=filled)
    warm = statistics.median(timed(lambda: npm_package("pyodide", cache_dir=filled))
                             for _ in range(repeat))
    return cold, warm


def hooks_config(tmp):
    """The demo's mkdocs.yml as it was before the plugin: hooks and custom_dir listed."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(ROOT / config["docs_dir"])
    config["theme"]["custom_dir"] = str(ROOT / "site_src" / "overrides")
    config["plugins"] = [p for p in config["plugins"] if not isinstance(p, dict)]
    config["extra"]["catalog"] = str(ROOT / "plans.yaml")
    config["hooks"] = [str(ROOT / "site_src" / "hooks" / f"{name}.py") for name in HOOKS]
    path = Path(tmp) / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def build_figures(repeat, tmp):
    old = hooks_config(tmp)

    def build(config):
        out = Path(tempfile.mkdtemp(dir=tmp)) / "site"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert build_site(str(ROOT / "plans.yaml"), out=str(out), config_file=config) == 0

    build(ROOT / "mkdocs.yml")  # caches warm
    return alternate(repeat, lambda: build(ROOT / "mkdocs.yml"), lambda: build(old))


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bench-install-") as tmp:
        (ours, stock), warm = runtime_figures(repeat, tmp)
        print(f"runtime into an empty cache: ours {ours:.2f} s, npm ci {stock:.2f} s "
              f"(ratio {stock / ours:.2f}x); cache filled: {warm * 1000:.1f} ms")
        plugin, hooks = build_figures(repeat, tmp)
        print(f"demo build: plugin {plugin:.2f} s, hooks {hooks:.2f} s "
              f"(ratio {plugin / hooks:.2f}x)")


if __name__ == "__main__":
    main()
