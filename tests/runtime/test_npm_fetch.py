"""The runtime for an install without a checkout: the lock's tarballs from a registry,
checked against the lock's integrity, unpacked into the cache once and reused offline.

A local registry serves tarballs made here (the code cannot tell it from the npm registry's
URL layout), so these tests need no network.
"""

import base64
import hashlib
import io
import json
import tarfile

import pytest

from pricing_site.runtime import BundleError, pyodide
from pricing_site.runtime.npm import REGISTRY_ENV, npm_package, tarball_url
from tests.support.http_server import StaticServer

CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens, the connection is refused


def tarball(top, files):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as tar:
        for name, text in files.items():
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(text.encode())
            tar.addfile(info, io.BytesIO(text.encode()))
    return data.getvalue()


def integrity(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """A registry folder with demo 1.2.3 (depending on @types/dep 4.5.6, whose tarball's top
    folder is not ``package/``, as DefinitelyTyped's are not) and the lock pinning both."""
    served = tmp_path / "registry"
    demo = tarball("package", {"package.json": '{"name": "demo"}', "demo.mjs": "export {}"})
    dep = tarball("dep", {"package.json": '{"name": "@types/dep"}'})
    for path, data in (("demo/-/demo-1.2.3.tgz", demo), ("@types/dep/-/dep-4.5.6.tgz", dep)):
        (served / path).parent.mkdir(parents=True, exist_ok=True)
        (served / path).write_bytes(data)
    lock = tmp_path / "package-lock.json"
    lock.write_text(json.dumps({"packages": {
        "node_modules/demo": {"version": "1.2.3", "integrity": integrity(demo),
                              "dependencies": {"@types/dep": "^4"}},
        "node_modules/@types/dep": {"version": "4.5.6", "integrity": integrity(dep)},
    }}))
    with StaticServer(served) as server:
        monkeypatch.setenv(REGISTRY_ENV, server.url)
        yield served, lock, server


def test_a_package_and_its_dependencies_are_fetched_once_then_read_offline(
        registry, tmp_path, monkeypatch):
    served, lock, server = registry
    folder = npm_package("demo", lock_path=lock, cache_dir=tmp_path / "cache")
    assert (folder / "demo.mjs").read_text() == "export {}"
    assert (folder.parent / "@types" / "dep" / "package.json").is_file()  # Node finds it
    assert sorted(server.requests) == ["/@types/dep/-/dep-4.5.6.tgz", "/demo/-/demo-1.2.3.tgz"]
    monkeypatch.setenv(REGISTRY_ENV, CLOSED)  # offline now
    assert npm_package("demo", lock_path=lock, cache_dir=tmp_path / "cache") == folder


def test_a_tarball_that_does_not_match_the_lock_is_refused_and_nothing_is_kept(
        registry, tmp_path):
    served, lock, _ = registry
    (served / "demo/-/demo-1.2.3.tgz").write_bytes(tarball("package", {"evil.mjs": "x"}))
    with pytest.raises(BundleError, match="does not match the lock's integrity"):
        npm_package("demo", lock_path=lock, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_no_cache_and_no_registry_is_an_error_naming_both(registry, tmp_path, monkeypatch):
    _, lock, _ = registry
    monkeypatch.setenv(REGISTRY_ENV, CLOSED)
    with pytest.raises(BundleError) as caught:
        npm_package("demo", lock_path=lock, cache_dir=tmp_path / "cache")
    message = str(caught.value)
    assert f"{CLOSED}/demo/-/demo-1.2.3.tgz" in message
    assert str(tmp_path / "cache") in message and "offline" in message


def test_without_node_modules_the_runtime_comes_from_the_cache_or_says_why(
        tmp_path, monkeypatch):
    monkeypatch.setattr(pyodide, "NODE_PYODIDE", tmp_path / "node_modules" / "pyodide")
    monkeypatch.setenv("PRICING_SITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(REGISTRY_ENV, CLOSED)
    with pytest.raises(BundleError, match=f"not in the cache .*{tmp_path / 'cache'}.*"
                                          f"pyodide-314.0.7.tgz"):
        pyodide.copy_runtime(tmp_path / "out")


def test_the_registry_urls_are_npms(monkeypatch):
    monkeypatch.delenv(REGISTRY_ENV, raising=False)
    assert tarball_url("pyodide", "314.0.7") == \
        "https://registry.npmjs.org/pyodide/-/pyodide-314.0.7.tgz"
    assert tarball_url("@types/emscripten", "1.41.6") == \
        "https://registry.npmjs.org/@types/emscripten/-/emscripten-1.41.6.tgz"
