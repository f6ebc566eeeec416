"""Use it beyond this repository: the wheel installed (not editable) in a fresh virtualenv, no
checkout in sight, ``pricing-site new mysite && cd mysite && pricing-site build``, and the
pricing page's calculator gets ready in Chromium, answering as CPython does.

Two ways to the Pyodide runtime: a cache filled beforehand with the same npm files this
checkout's npm ci installed, the registry unreachable (an offline build); and an empty cache
filled from the npm registry by the build itself.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from pricing_site.runtime.npm import REGISTRY_ENV, cached_root
from pricing_site.starter import STARTER
from tests.support.http_server import STRICT_CSP, StaticServer, own_origin
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e

CLOSED = "http://127.0.0.1:9"   # nothing listens: a fetch from the registry would fail
REQUEST = {"plan": "team", "seats": 23, "usage": {"storage_gb": 140}, "billing": "annual"}


def run(*args, **options):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                            timeout=900, **options)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtualenv with the project's wheel installed (dependencies from the package
    index, through pip's own cache); the path of its ``pricing-site``."""
    base = tmp_path_factory.mktemp("installed")
    run(sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "--no-build-isolation",
        "--quiet", "--wheel-dir", base / "wheel")
    wheel, = (base / "wheel").glob("pricing_site-*.whl")
    run(sys.executable, "-m", "venv", base / "venv")
    run(base / "venv/bin/python", "-m", "pip", "install", "--quiet", wheel)
    return base / "venv" / "bin"


def clean_env(cache, registry=None):
    """The environment of someone who installed the wheel: no checkout on the import path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", REGISTRY_ENV)}
    env["PRICING_SITE_CACHE"] = str(cache)
    if registry:
        env[REGISTRY_ENV] = registry
    return env


def fill_from_checkout(cache):
    """The npm files this checkout's npm ci installed (integrity-checked by npm from the same
    tarballs), where the installed tool looks for the runtime in its cache."""
    target = cached_root("pyodide", cache_dir=cache / "npm") / "node_modules"
    for name in ("pyodide", "ws", "@types/emscripten"):
        shutil.copytree(ROOT / "node_modules" / name, target / name)


def _guest_in_a_material_site(installed, tmp_path, env):
    """The installed plugin as a guest in someone else's Material site (docs/plugin.md), built
    by the installed MkDocs: the pricing page in the host's templates, the host's pages without
    anything of ours (the built example's pages are compared, and priced in Chromium, by
    tests/build/test_guest_site.py)."""
    host = tmp_path / "host"
    shutil.copytree(ROOT / "docs" / "examples" / "material-site", host)
    run(installed / "mkdocs", "build", "--strict", cwd=host, env=env)
    pricing = (host / "site" / "pricing" / "index.html").read_text(encoding="utf-8")
    assert "rk-pricing" in pricing and "/css/guest.css" in pricing and "Northwind Docs" in pricing
    assert "assets/v/" not in (host / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert not (host / "site" / "robots.txt").exists()


@pytest.mark.parametrize("runtime", ["offline-cache", "npm-registry"])
def test_a_new_site_built_by_the_installed_tool_has_a_live_calculator(
        installed, tmp_path, browser, runtime):
    cache = tmp_path / "cache"
    if runtime == "offline-cache":
        fill_from_checkout(cache)
        env = clean_env(cache, registry=CLOSED)
    else:
        env = clean_env(cache)
    where = run(installed / "python", "-c", "from pricing_site.build import sources; "
                "print(sources.SITE_SRC)", cwd=tmp_path, env=env).stdout.strip()
    assert Path(where).is_relative_to(installed.parent) and not Path(where).is_relative_to(ROOT)

    run(installed / "pricing-site", "new", "mysite", cwd=tmp_path, env=env)
    site = tmp_path / "mysite"
    run(installed / "pricing-site", "build", cwd=site, env=env)
    assert (site / "site" / "pricing" / "index.html").is_file()
    npm = cached_root("pyodide", cache_dir=cache / "npm") / "node_modules" / "pyodide"
    assert json.loads((npm / "package.json").read_text())["version"] == "314.0.7"
    # the demo's pages and images stay in the checkout
    assert not (site / "site" / "assets" / "images" / "hero-inbox.svg").exists()
    if runtime == "offline-cache":  # the runtime is in the cache now: a guest's build is cheap
        _guest_in_a_material_site(installed, tmp_path, env)

    expected = quote(load_catalog_file(STARTER / "plans.yaml"), REQUEST).to_dict()
    with StaticServer(site / "site", headers={"Content-Security-Policy": STRICT_CSP}) as server:
        page = browser.new_page()
        try:
            asked = []
            page.on("request", lambda r: asked.append(r.url))
            page.goto(server.url + "pricing/")
            page.evaluate("window.pricingCalculator.ready")
            answer = page.evaluate("r => window.pricingCalculator.quote(r)", REQUEST)
        finally:
            page.close()
    assert answer == expected
    assert asked and all(own_origin(url, server.url) for url in asked)
    assert any("/assets/pyodide/314.0.7-" in url for url in asked)
