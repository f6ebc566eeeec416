"""The browser bundle as files: engine-only reproducible wheel, catalog.json, runtime, URLs."""

import gzip
import hashlib
import json
import subprocess
import zipfile

import pytest

from calculator import load_catalog, quote
from pricing_site.build import assets as site_assets
from pricing_site.build.headers import IMMUTABLE_PATHS
from pricing_site.catalog import load_catalog_file
from pricing_site.runtime import emit_bundle, prepare_bundle
from pricing_site.runtime import pyodide, startup, wheel
from pricing_site.runtime.bundle import JS_FILES, catalog_json_bytes
from pricing_site.runtime.pyodide import copy_runtime
from pricing_site.runtime.wheel import build_engine_wheel
from tests.support.http_server import rule_matches
from tests.support.sparse_snapshot import decode
from tests.support.paths import ROOT

CATALOG = load_catalog_file(ROOT / "plans.yaml")


def emit(site_dir, catalog=CATALOG):
    """The bundle prepared and written into ``site_dir``, as a build does; its URLs."""
    bundle = prepare_bundle(catalog)
    emit_bundle(site_dir, catalog, bundle)
    return bundle.urls


def test_the_wheel_holds_the_engine_modules_and_nothing_else(tmp_path):
    wheel = build_engine_wheel(tmp_path / "out", cache_dir=tmp_path / "cache")
    names = zipfile.ZipFile(wheel).namelist()
    engine = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "calculator").rglob("*.py")
                    if "__pycache__" not in p.parts)
    assert sorted(n for n in names if ".dist-info/" not in n) == engine
    assert {n.split("/")[1] for n in names if ".dist-info/" in n} == {"METADATA", "WHEEL", "RECORD"}
    assert wheel.name.endswith("-py3-none-any.whl")
    for name in engine:  # the same bytes as the source tree
        assert zipfile.ZipFile(wheel).read(name) == (ROOT / name).read_bytes()


def test_the_wheel_is_reproducible_and_served_under_its_hash(tmp_path):
    first = build_engine_wheel(tmp_path / "a", cache_dir=tmp_path / "cache-a")
    second = build_engine_wheel(tmp_path / "b", cache_dir=tmp_path / "cache-b")
    assert first.read_bytes() == second.read_bytes()
    assert first.relative_to(tmp_path / "a") == second.relative_to(tmp_path / "b")
    assert first.parent.name == hashlib.sha256(first.read_bytes()).hexdigest()[:16]


def test_a_cached_wheel_is_not_rebuilt(tmp_path, monkeypatch):
    build_engine_wheel(tmp_path / "a", cache_dir=tmp_path / "cache")
    monkeypatch.setattr(wheel, "_build_wheel", lambda *a: pytest.fail("rebuilt"))
    assert build_engine_wheel(tmp_path / "b", cache_dir=tmp_path / "cache").is_file()


def test_catalog_json_reads_back_into_the_same_quotes():
    data = json.loads(catalog_json_bytes(CATALOG))
    again = load_catalog(data)
    assert again.to_dict() == data
    # what the form will need is there
    assert data["metrics"]["storage_gb"] == {"name": "Storage", "unit": "GB", "max": "2000",
                                             "step": "0.5", "default": "20"}
    assert [(p["id"], p["name"], p.get("custom", False)) for p in data["plans"]] == [
        ("free", "Free", False), ("team", "Team", False), ("business", "Business", False),
        ("enterprise", "Enterprise", True)]
    for request in ({"plan": "team", "seats": 49}, {"plan": "business", "seats": 7,
                    "usage": {"api_calls": 123456}, "billing": "annual", "commitment": True}):
        assert quote(again, request).to_dict() == quote(CATALOG, request).to_dict()


def test_the_runtime_is_copied_under_its_version_and_hash(tmp_path):
    target = copy_runtime(tmp_path)
    served, name = pyodide.served_runtime()
    assert target == tmp_path / name and name.startswith("314.0.7-")
    for file in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"):
        assert (target / file).read_bytes() == (served / file).read_bytes()
    stock = ROOT / "node_modules/pyodide/pyodide.asm.wasm"
    assert (target / "pyodide.asm.wasm").read_bytes() != stock.read_bytes()  # lean_wasm's


def test_the_lock_pins_pyodide_with_its_integrity():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    entry = lock["packages"]["node_modules/pyodide"]
    assert entry["version"] == "314.0.7" and entry["integrity"].startswith("sha512-")
    assert json.loads((ROOT / "package.json").read_text())["dependencies"] == {"pyodide": "314.0.7"}


@pytest.mark.e2e
def test_emit_writes_every_url_it_returns(tmp_path):
    urls = emit(tmp_path)
    assert urls == prepare_bundle(CATALOG).urls
    assert set(urls) == {"client", "worker", "wheel", "catalog", "pyodide", "wasm", "stdlib",
                         "snapshot"}
    for url in urls.values():
        assert not url.startswith(("/", "http")) and "//" not in url
        assert (tmp_path / url).exists(), url
    assert urls["pyodide"] == f"assets/pyodide/{pyodide.served_runtime()[1]}/"
    assert urls["wasm"] == urls["pyodide"] + "pyodide.asm.wasm"  # the worker takes no other
    for key in ("client", "worker"):
        assert (tmp_path / urls[key]).read_bytes() == \
            (ROOT / "site_src/assets/calculator" / f"{key}.js").read_bytes()
    # catalog.json lives under the hash of its bytes: a changed catalog gets a new URL, so no
    # cache can serve the old one
    catalog = tmp_path / urls["catalog"]
    assert catalog.parent.name == hashlib.sha256(catalog.read_bytes()).hexdigest()[:16]
    other = load_catalog({**CATALOG.to_dict(), "annual_discount": "0.25"})
    assert prepare_bundle(other).urls["catalog"] != urls["catalog"]


# stdlib modules the engine imports (eagerly or on its first quote) and the worker's own
ENGINE_STDLIB = ("decimal.py", "json/__init__.py", "json/decoder.py", "dataclasses.py",
                 "re/__init__.py", "enum.py", "functools.py", "difflib.py", "_pyodide/_base.py")


@pytest.mark.e2e
def test_the_precompiled_stdlib_holds_the_modules_python_and_the_engine_import_and_no_others(tmp_path):
    urls = emit(tmp_path)
    served = tmp_path / urls["stdlib"]
    assert urls["stdlib"].startswith("assets/calculator/stdlib/")
    lock = json.loads(served.with_name("pyodide-lock.json").read_text())
    assert hashlib.sha256(served.read_bytes() + json.dumps(lock, sort_keys=True).encode()
                          ).hexdigest()[:16] in urls["stdlib"]
    made = startup.precompiled_stdlib(catalog_json_bytes(CATALOG))
    report = json.loads((made.parent / "report.json").read_text())
    assert report["python"].startswith("3.14.")
    with zipfile.ZipFile(served) as ours, \
            zipfile.ZipFile(ROOT / "node_modules/pyodide/python_stdlib.zip") as stock:
        names = set(ours.namelist())
        assert all(n.endswith(".pyc") for n in names)  # sources of nothing
        assert all(info.compress_type == zipfile.ZIP_STORED for info in ours.infolist())
        for module in ENGINE_STDLIB:
            assert module + "c" in names, module
            data = ours.read(module + "c")
            assert data[:4] == bytes.fromhex(report["magic"]) and data[4:8] == b"\1\0\0\0"
        engine = {n for n in names if n.startswith("calculator/")}
        assert {n[:-1] for n in engine} == {p.relative_to(ROOT).as_posix()
                                            for p in (ROOT / "calculator").rglob("*.py")}
        stdlib = names - engine
        assert {n[:-1] for n in stdlib} <= set(stock.namelist())
        assert len(stdlib) < len(stock.namelist()) / 3  # what is imported, not the library
        assert "xml/dom/minidom.pyc" not in names and "statistics.pyc" not in names
    assert sorted(names) == report["compiled"]
    # the lock file Pyodide reads beside it: the runtime's own, without its packages
    stock_lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    assert lock == {"info": stock_lock["info"], "packages": {}}


@pytest.mark.e2e
def test_what_the_worker_decodes_itself_has_its_gzip_sibling_written_with_the_bundle(tmp_path):
    urls = emit(tmp_path)
    for key in ("wasm", "stdlib", "snapshot"):
        served = tmp_path / urls[key]
        assert gzip.decompress(served.with_name(served.name + ".gz").read_bytes()) == \
            served.read_bytes(), key


@pytest.mark.e2e
def test_without_node_the_build_warns_and_uses_the_stock_stdlib(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(startup, "STDLIB_CACHE_DIR", tmp_path / "no-cache")
    monkeypatch.setattr(startup.shutil, "which", lambda name: None)
    monkeypatch.setattr(pyodide, "_warned", set())
    urls = emit(tmp_path / "site")
    assert "stdlib" not in urls and urls["pyodide"].startswith("assets/pyodide/314.0.7-")
    assert "snapshot" not in urls
    assert "node is not installed" in capsys.readouterr().err
    assert not (tmp_path / "site/assets/calculator/stdlib").exists()
    assert not (tmp_path / "site/assets/calculator/snapshot").exists()


@pytest.mark.e2e
def test_the_snapshot_is_served_under_its_hash_and_made_on_the_served_zip(tmp_path):
    urls = emit(tmp_path)
    served = tmp_path / urls["snapshot"]
    assert urls["snapshot"].startswith("assets/calculator/snapshot/")
    assert urls["snapshot"].endswith("/snapshot.bin")
    restore_zip = served.with_name("python_stdlib.zip")
    assert hashlib.sha256(served.read_bytes() + restore_zip.read_bytes()).hexdigest()[:16] \
        in urls["snapshot"]
    # served sparse (tests/test_sparse_snapshot.py): the memory Node wrote, without its zero runs
    raw = startup.memory_snapshot(catalog_json_bytes(CATALOG)).parent.parent / "snapshot.bin"
    report = json.loads((raw.parent / "report.json").read_text())
    assert report["engine"] == "/lib/python314.zip/calculator/__init__.pyc"
    assert report["bytes"] == raw.stat().st_size > 1 << 20
    assert decode(served.read_bytes()) == raw.read_bytes()
    assert served.stat().st_size < raw.stat().st_size / 2
    # beside it, the zip mounted at restore: the served stdlib minus what is already in memory
    # (nearly all of it: a returning visit reads next to nothing more)
    lean = zipfile.ZipFile(restore_zip).namelist()
    full = zipfile.ZipFile(tmp_path / urls["stdlib"]).namelist()
    assert set(lean) == set(full) - set(report["in_memory"])
    assert "calculator/__init__.pyc" not in lean and "json/decoder.pyc" not in lean
    assert restore_zip.stat().st_size < 64 << 10


@pytest.mark.e2e
def test_after_a_restore_on_the_zip_beside_it_the_engine_answers_and_nothing_else_is_there(tmp_path):
    urls = emit(tmp_path)
    served = tmp_path / urls["snapshot"]
    memory = tmp_path / "memory.bin"
    memory.write_bytes(decode(served.read_bytes()))  # what the worker's unsparse gives Pyodide
    run = subprocess.run(["node", str(ROOT / "tests/node/restore.mjs"), str(memory),
                          str(served.with_name("python_stdlib.zip")),
                          str(tmp_path / urls["catalog"]), f"{tmp_path / urls['pyodide']}/"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout)
    assert got["quote"] == json.loads(json.dumps({"ok": quote(CATALOG, {"plan": "team", "seats": 49})
                                                  .to_dict()}))
    assert got["missing"] == ["statistics", "xml.dom.minidom"]  # the zip holds what is used only


@pytest.mark.e2e
def test_a_failed_snapshot_leaves_the_precompiled_stdlib(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(startup, "SNAPSHOT_CACHE_DIR", tmp_path / "no-cache")
    script = tmp_path / "fails.mjs"
    script.write_text("console.error('no snapshot here'); process.exit(1);\n")
    monkeypatch.setattr(startup, "SNAPSHOT_SCRIPT", script)
    monkeypatch.setattr(pyodide, "_warned", set())
    urls = emit(tmp_path / "site")
    assert "snapshot" not in urls and "stdlib" in urls
    assert "making the Pyodide memory snapshot failed" in capsys.readouterr().err


def test_no_bundle_file_names_another_origin():
    for name in JS_FILES:
        text = (ROOT / "site_src/assets/calculator" / name).read_text()
        assert "http://" not in text and "https://" not in text and "micropip" not in text


@pytest.mark.e2e
def test_content_addressed_files_are_cached_for_good_and_the_rest_revalidates():
    def immutable(path):
        return any(rule_matches(rule, "/" + path) for rule in IMMUTABLE_PATHS)

    urls = prepare_bundle(CATALOG).urls
    for key in ("wheel", "catalog", "stdlib", "snapshot"):  # <hash of the bytes>/<name>
        assert immutable(urls[key]), key
    for key in ("client", "worker"):  # assets/v/<hash of the site's scripts and styles>/...
        assert immutable(urls[key]) and site_assets.version() in urls[key], key
    assert immutable(urls["wasm"])  # under the runtime's version
    # images: the pages use a copy under the hash of its bytes; the plain path (markdown,
    # og:image) keeps its URL, new bytes after a rebuild, so it revalidates
    images = site_assets.site_images(ROOT / "site_src" / "docs")
    logo = site_assets.image_url("images/logo.svg", images)
    assert immutable(logo)
    assert site_assets.versioned_in(images, ROOT / "site_src" / "docs")("assets/images/logo.svg") == logo
    assert not immutable("assets/images/logo.svg")
    assert not immutable("assets/javascripts/lunr/min/lunr.de.min.js")  # Material's, unhashed


def test_scripts_and_styles_move_to_a_new_folder_when_any_of_them_changes(tmp_path, monkeypatch):
    fake = tmp_path / "assets"
    for name, text in (("css/site.css", "body{}"), ("js/a.js", "1"), ("calculator/ui.js", "2"),
                       ("images/logo.svg", "<svg/>")):
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_text(text)
    monkeypatch.setattr(site_assets, "ASSETS", fake)

    def image():
        return site_assets.image_url("images/logo.svg", fake / "images")

    before = site_assets.asset_url("calculator/ui.js")
    assert before.startswith("assets/v/") and before.endswith("/calculator/ui.js")
    (fake / "images/logo.svg").write_text("<svg></svg>")  # images are not part of the hash
    assert site_assets.asset_url("calculator/ui.js") == before
    (fake / "js/a.js").write_text("2")
    after = site_assets.asset_url("calculator/ui.js")
    assert after != before and after.split("/")[:2] == ["assets", "v"]
    assert site_assets.asset_url("css/site.css").split("/")[2] == after.split("/")[2]
    # an image is named by its own bytes
    logo = image()
    assert logo.startswith("assets/v/") and logo.endswith("/images/logo.svg")
    assert logo.split("/")[2] != after.split("/")[2]
    (fake / "images/logo.svg").write_text("<svg>new</svg>")
    assert image() != logo
    assert site_assets.asset_url("calculator/ui.js") == after  # scripts stay where they were
    versioned = site_assets.versioned_in(fake / "images", tmp_path / "docs")
    assert versioned("https://cdn.example/x.png") == "https://cdn.example/x.png"
    assert versioned("assets/images/logo.svg") == image()
    (tmp_path / "docs/assets/images").mkdir(parents=True)
    (tmp_path / "docs/assets/images/logo.svg").write_text("<svg>docs</svg>")
    docs = site_assets.image_url("images/logo.svg", tmp_path / "docs/assets/images")
    assert versioned("assets/images/logo.svg") == docs != image()  # the docs folder's wins
