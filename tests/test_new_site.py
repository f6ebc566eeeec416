"""``pricing-site new DIR``: a site folder that builds at once; the commands find its
mkdocs.yml in the current folder, as mkdocs does; ``--version``."""

import importlib.metadata
import re
from pathlib import Path

import pytest

from pricing_site.cli import main
from pricing_site.starter import new_site

FILES = [".gitignore", "README.md", "docs/assets/images/logo.svg", "docs/index.md",
         "docs/pricing.md", "mkdocs.yml", "plans.yaml"]


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_new_makes_the_site_folder(tmp_path, capsys):
    assert main(["new", str(tmp_path / "mysite")]) == 0
    site = tmp_path / "mysite"
    assert files(site) == FILES
    assert "pricing-site serve" in capsys.readouterr().out
    config = (site / "mkdocs.yml").read_text()
    assert "name: material" in config and "- pricing:" in config and "catalog: plans.yaml" in config
    assert (site / "docs/pricing.md").read_text().startswith("---\ntemplate: pricing.html\n")
    assert "/site/" in (site / ".gitignore").read_text().splitlines()


@pytest.mark.parametrize("existing", ["notes.txt", ".git/HEAD"])
def test_new_refuses_a_folder_that_holds_anything(tmp_path, capsys, existing):
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine")
    assert main(["new", str(tmp_path)]) == 2
    assert f"error: {tmp_path} is not empty" in capsys.readouterr().err
    assert files(tmp_path) == [existing]


def test_new_takes_an_empty_folder(tmp_path):
    assert new_site(tmp_path) == tmp_path.resolve() and files(tmp_path) == FILES


def test_validate_in_the_new_folder_checks_its_catalog_and_pages(tmp_path, monkeypatch, capsys):
    new_site(tmp_path / "mysite")
    monkeypatch.chdir(tmp_path / "mysite")
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == ("plans.yaml: valid (3 plans: free, team, enterprise; "
                                       "0 warnings)\n")
    # its pages and images are checked: a missing image is named
    catalog = tmp_path / "mysite" / "plans.yaml"
    catalog.write_text(catalog.read_text().replace(
        "  hero:\n", "  hero:\n    image: {src: assets/images/gone.svg, alt: Gone}\n"))
    assert main(["validate"]) == 1
    assert "assets/images/gone.svg" in capsys.readouterr().out


def test_build_outside_a_site_folder_says_how_to_make_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    assert capsys.readouterr().err == (f"error: no mkdocs.yml in {tmp_path}: run this in a "
                                       f"site's folder, or make one with: pricing-site new DIR\n")
    assert list(tmp_path.iterdir()) == []


def test_version_is_the_projects(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"pricing-site {importlib.metadata.version('pricing-site')}\n"


@pytest.mark.e2e
def test_a_build_with_no_runtime_to_be_had_says_where_it_looked(tmp_path, monkeypatch, capsys):
    from pricing_site.runtime import pyodide
    from pricing_site.runtime.npm import REGISTRY_ENV

    new_site(tmp_path / "mysite")
    monkeypatch.chdir(tmp_path / "mysite")
    monkeypatch.setattr(pyodide, "NODE_PYODIDE", tmp_path / "no-checkout")  # as installed
    monkeypatch.setenv("PRICING_SITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(REGISTRY_ENV, "http://127.0.0.1:9")  # nothing listens
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the calculator's runtime: the pyodide 314.0.7 runtime is not in the cache " \
           f"({tmp_path / 'cache' / 'npm'}" in err
    assert "http://127.0.0.1:9/pyodide/-/pyodide-314.0.7.tgz" in err
    assert not (tmp_path / "mysite" / "site").exists()


@pytest.mark.e2e  # builds a site
def test_a_new_site_shows_its_own_images_and_publishes_none_of_the_demos(tmp_path, monkeypatch):
    """Built from a checkout as an installed tool builds it: its logo, favicon and a hero image
    of its own (a logo.svg the demo has too was pointed at a versioned copy of the demo's,
    never published), each under the hash of its bytes (cached for good) and at its own path,
    and none of the demo's images."""
    site = new_site(tmp_path / "mysite")
    hero = (site / "docs/assets/images/logo.svg").read_text().replace("<svg", "<svg id='hero'")
    (site / "docs/assets/images/hero-inbox.svg").write_text(hero)  # a name the demo uses too
    catalog = site / "plans.yaml"
    catalog.write_text(catalog.read_text().replace(
        "  hero:\n", "  hero:\n    image: {src: assets/images/hero-inbox.svg, alt: Our app}\n"))
    monkeypatch.chdir(site)
    assert main(["build"]) == 0
    out = site / "site"
    for page in ("index.html", "pricing/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        named = re.findall(r'<img[^>]* src="([^"]+)"|<link rel="icon" href="([^"]+)"', html)
        images = {a or b for a, b in named}
        assert {Path(src).name for src in images} == (
            {"logo.svg", "hero-inbox.svg"} if page == "index.html" else {"logo.svg"})
        for src in images:
            published = (out / page).parent / src
            assert published.is_file(), f"{page}: {src}"
            assert published.read_bytes() == (site / "docs/assets/images" / published.name).read_bytes()
            assert "/assets/v/" in published.as_posix(), src
    assert sorted(p.name for p in (out / "assets/images").iterdir()) == [
        "favicon.png", "hero-inbox.svg", "logo.svg"]   # favicon.png: Material's own
    assert sorted(p.name for p in out.glob("assets/v/*/images/*")) == ["hero-inbox.svg", "logo.svg"]
