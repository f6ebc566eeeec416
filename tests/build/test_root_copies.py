"""A locale's build takes the root's copy of each file the root holds with the same bytes
(pricing_site/build/root_copies.py): what its pages name, what it drops, what it keeps."""

import pytest
from mkdocs.exceptions import PluginError

from pricing_site.build.root_copies import RootCopies

from tests.support.file_trees import tree, write

RUNTIME = "assets/pyodide/314-abc/"
WASM = RUNTIME + "pyodide.asm.wasm"
SCRIPT = "assets/v/0123/calculator/client.js"
STYLE = "assets/stylesheets/main.1234.min.css"


@pytest.fixture
def site(tmp_path):
    """A root's build and a German one beside it, as the pages render: the files MkDocs copies
    are in both, the German bundle (the runtime) not yet."""
    write(tmp_path, {"index.html": b"root", SCRIPT: b"js", STYLE: b"css", WASM: b"wasm",
                     WASM + ".gz": b"wasm.gz", "assets/images/logo.svg": b"svg",
                     "assets/calculator/catalog/aa/catalog.json": b"english"})
    write(tmp_path / "de", {SCRIPT: b"js", STYLE: b"purged for the German pages",
                            "assets/images/logo.svg": b"svg"})
    return tmp_path


def test_a_locale_beside_the_root_takes_the_roots_copies_and_a_lone_one_none(site, tmp_path):
    assert RootCopies.beside(site / "de", "de").root == site
    assert RootCopies.beside(site / "de", None) is None            # the root's own build
    assert RootCopies.beside(tmp_path / "mkdocs_x1", "de") is None  # serve: a folder of its own


def test_the_pages_name_the_root_for_the_same_bytes_only(site):
    copies = RootCopies(site / "de", site, "de/")
    assert copies.url(SCRIPT) == "../" + SCRIPT
    assert copies.url(STYLE) == STYLE                      # other bytes: the German one
    assert copies.url("assets/images/logo.svg") == "assets/images/logo.svg"  # not immutable
    assert copies.url("assets/calculator/catalog/bb/catalog.json") == \
        "assets/calculator/catalog/bb/catalog.json"       # the root has none there
    assert copies.url(RUNTIME) == "../" + RUNTIME          # written after the pages
    assert copies.url("pricing/") == "pricing/"
    # what the url filter wrote from a page, a folder down; from the 404 page, by the site URL
    assert copies.page_url(SCRIPT, "../" + SCRIPT) == "../../" + SCRIPT
    assert copies.page_url(SCRIPT, "/de/" + SCRIPT) == "/" + SCRIPT
    assert copies.page_url(STYLE, "../" + STYLE) == "../" + STYLE


def test_the_calculator_config_names_the_locales_root_from_the_roots_module(site):
    copies = RootCopies(site / "de", site, "de/")
    urls = {"client": SCRIPT, "pyodide": RUNTIME, "wasm": WASM,
            "catalog": "assets/calculator/catalog/bb/catalog.json"}
    assert copies.calculator_urls(urls) == {
        "client": "../" + SCRIPT, "pyodide": "../" + RUNTIME, "wasm": "../" + WASM,
        "catalog": "assets/calculator/catalog/bb/catalog.json",
        "root": "../../../../de/"}   # client.js resolves the others against it


def test_after_the_build_the_copies_go_and_the_locales_own_files_stay(site):
    copies = RootCopies(site / "de", site, "de/")
    for path in (SCRIPT, STYLE, RUNTIME, "assets/calculator/catalog/bb/catalog.json"):
        copies.url(path)
    write(site / "de", {WASM: b"wasm", WASM + ".gz": b"wasm.gz",
                        "assets/calculator/catalog/bb/catalog.json": b"german"})
    dropped = copies.drop_copies()
    assert sorted(dropped) == sorted([SCRIPT, WASM, WASM + ".gz"])
    assert tree(site / "de") == {STYLE: b"purged for the German pages",
                                 "assets/images/logo.svg": b"svg",
                                 "assets/calculator/catalog/bb/catalog.json": b"german"}
    assert not (site / "de" / "assets" / "pyodide").exists()   # no empty folders left
    assert (site / WASM).read_bytes() == b"wasm"                # the root's untouched


def test_a_file_named_at_the_root_with_other_bytes_stops_the_build(site):
    copies = RootCopies(site / "de", site, "de/")
    assert copies.url(RUNTIME) == "../" + RUNTIME
    write(site / "de", {WASM: b"another wasm"})
    with pytest.raises(PluginError, match=r"de/assets/pyodide/314-abc/pyodide\.asm\.wasm differs"):
        copies.drop_copies()
    assert (site / "de" / WASM).read_bytes() == b"another wasm"


def test_a_file_the_pages_name_in_the_locale_stays_though_the_root_has_it_now(site):
    copies = RootCopies(site / "de", site, "de/")
    assert copies.url(STYLE) == STYLE
    (site / "de" / STYLE).write_bytes(b"css")   # made equal after the pages named it
    copies.drop_copies()
    assert (site / "de" / STYLE).read_bytes() == b"css"
