"""The files every variation shares, kept once at dist's root (pricing_site/build/shared_files.py):
moved out of the variations, checked byte for byte, never a variation's own page."""

import pytest

from pricing_site.build.headers import IMMUTABLE_PREFIXES
from pricing_site.build.shared_files import SharedFileClash, store_once
from pricing_site.catalog.variants import RESERVED_KEYS

from tests.support.file_trees import tree, write


RUNTIME = "assets/pyodide/314-abc/pyodide.asm.wasm"
SCRIPT = "assets/v/0123/calculator/worker.js"


def test_shared_files_are_kept_once_and_pages_stay(tmp_path):
    write(tmp_path / "control", {"index.html": b"control", RUNTIME: b"wasm", SCRIPT: b"js",
                                 "assets/calculator/catalog/aa/catalog.json": b"control's",
                                 "assets/images/logo.svg": b"svg"})
    write(tmp_path / "push", {"index.html": b"push", RUNTIME: b"wasm", SCRIPT: b"js",
                              "assets/calculator/catalog/bb/catalog.json": b"push's",
                              "assets/images/logo.svg": b"svg"})
    store_once(tmp_path, ["control", "push"])
    assert tree(tmp_path / "control") == {"index.html": b"control",
                                          "assets/images/logo.svg": b"svg"}
    assert tree(tmp_path / "push") == {"index.html": b"push", "assets/images/logo.svg": b"svg"}
    assert tree(tmp_path / "assets") == {   # each variation's catalog too: its path is its hash
        "pyodide/314-abc/pyodide.asm.wasm": b"wasm", "v/0123/calculator/worker.js": b"js",
        "calculator/catalog/aa/catalog.json": b"control's",
        "calculator/catalog/bb/catalog.json": b"push's"}
    # no empty folder is left where the shared files were
    assert not (tmp_path / "control/assets/pyodide").exists()
    assert not (tmp_path / "push/assets/v").exists()


def test_different_bytes_under_one_shared_path_stop_the_build(tmp_path):
    write(tmp_path / "control", {SCRIPT: b"js"})
    write(tmp_path / "push", {SCRIPT: b"other js"})
    with pytest.raises(SharedFileClash, match=f"{SCRIPT} differs between the variations"):
        store_once(tmp_path, ["control", "push"])


def test_the_shared_files_lie_in_a_folder_no_variation_may_take():
    # a variation keyed "assets" would be mixed with them (its key is refused: test_variants)
    assert {prefix.split("/")[1] for prefix in IMMUTABLE_PREFIXES} == {"assets"}
    assert "assets" in RESERVED_KEYS
