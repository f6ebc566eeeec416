"""The live preview (``pricing-site serve``) as a marketer uses it: break plans.yaml and the
page shows the located problem (MkDocs alone holds the request until the build is fixed);
fix it and the page is the site again; a locale's texts and pages rebuild its preview."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from pricing_site.build.locales import LOCALE_ENV
from tests.site_support import DEMO, project_copy
from tests.support.paths import ROOT
from tests.support.processes import stop

pytestmark = pytest.mark.e2e  # serves and rebuilds the site (pricing-site serve)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_page(url, words, timeout=180):
    """The page's text once it holds ``words`` (the server rebuilds after each save)."""
    deadline, text = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                text = response.read().decode("utf-8")
            if words in text:
                return text
        except OSError:
            pass  # not listening yet
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {words!r}; last:\n{text[:2000]}")


def test_a_broken_catalog_shows_its_located_problem_in_the_page_until_fixed(tmp_path):
    catalog = tmp_path / "plans.yaml"
    shutil.copy(DEMO, catalog)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pricing_site.cli", "serve", "--catalog",
                               str(catalog), "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/pricing/"
    try:
        wait_for_page(url, "<title>Pricing - Relaykit</title>")
        good = catalog.read_text(encoding="utf-8")
        catalog.write_text(good.replace("pricing: graduated", "pricing: graduatd", 1),
                           encoding="utf-8")
        page = wait_for_page(url, 'data-testid="build-error"')
        line = next(i for i, row in enumerate(catalog.read_text().splitlines(), 1)
                    if "graduatd" in row)
        assert f"{catalog}:{line}:9: plans[1] (team).price.seats.pricing: unknown pricing " \
               "&#x27;graduatd&#x27; — did you mean &#x27;graduated&#x27;?" in page
        assert "<script" in page  # the live-reload script: the page reloads when fixed
        catalog.write_text(good, encoding="utf-8")
        assert 'data-testid="build-error"' not in wait_for_page(url, "<title>Pricing - Relaykit")
    finally:
        stop(server, timeout=20)


def test_a_broken_page_or_a_removed_one_shows_in_the_page_too(tmp_path):
    """A page's own mistake (its front matter) fails after MkDocs has emptied the served folder,
    and a page the YAML names can go away without plans.yaml changing: both show their problem
    where the pages were, and the site comes back when they are fixed."""
    for name in ("mkdocs.yml", "plans.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "site_src", tmp_path / "site_src")
    port = free_port()
    serve = (f"from pricing_site.build.site import serve_site; serve_site({str(tmp_path / 'plans.yaml')!r}, "
             f"dev_addr='127.0.0.1:{port}', config_file={str(tmp_path / 'mkdocs.yml')!r})")
    server = subprocess.Popen([sys.executable, "-c", serve], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    about = tmp_path / "site_src" / "docs" / "about.md"
    good = about.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/about/"
    try:
        wait_for_page(url, "Relaykit started in 2021")
        about.write_text(good.replace("title: About", "title: About: us [", 1), encoding="utf-8")
        page = wait_for_page(url, 'data-testid="build-error"')
        assert "about.md:2:" in page and "the front matter is not valid YAML" in page
        assert "<script" in page  # the live-reload script: the page reloads when fixed
        about.write_text(good, encoding="utf-8")
        wait_for_page(url, "Relaykit started in 2021")
        about.rename(tmp_path / "about.md")
        page = wait_for_page(f"http://127.0.0.1:{port}/", 'data-testid="build-error"')
        assert "site.pages.about: no page &#x27;about&#x27;" in page
        (tmp_path / "about.md").rename(about)
        wait_for_page(url, "Relaykit started in 2021")
    finally:
        stop(server, timeout=20)


def test_a_locales_texts_and_pages_saved_show_in_its_preview(tmp_path):
    """The German preview (``PRICING_SITE_LOCALE=de pricing-site serve``, README): its texts
    (locales/de.yaml) and pages (locales/de/) live outside the docs folder MkDocs watches, and
    plans.yaml does not change when they do; the preview rebuilds on them, the texts read
    again."""
    project_copy(tmp_path)
    port = free_port()
    serve = (f"from pricing_site.build.site import serve_site; serve_site({str(tmp_path / 'plans.yaml')!r}, "
             f"dev_addr='127.0.0.1:{port}', config_file={str(tmp_path / 'mkdocs.yml')!r})")
    server = subprocess.Popen([sys.executable, "-c", serve], cwd=ROOT,
                              env={**os.environ, LOCALE_ENV: "de"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    texts, about = tmp_path / "locales" / "de.yaml", tmp_path / "locales" / "de" / "about.md"
    try:
        wait_for_page(f"http://127.0.0.1:{port}/pricing/", "Einfache Preise")
        texts.write_text(texts.read_text(encoding="utf-8").replace(
            "Einfache Preise", "Klare Preise", 1), encoding="utf-8")
        wait_for_page(f"http://127.0.0.1:{port}/pricing/", "Klare Preise")
        about.write_text(about.read_text(encoding="utf-8") + "\nNeu im Vorschau-Test.\n",
                         encoding="utf-8")
        wait_for_page(f"http://127.0.0.1:{port}/about/", "Neu im Vorschau-Test.")
    finally:
        stop(server, timeout=20)
