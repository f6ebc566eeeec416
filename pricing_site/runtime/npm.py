"""The npm packages the runtime is made from, for an install without a checkout: the version
package-lock.json pins, fetched once from the npm registry as its tarball, checked against the
lock's ``integrity`` (sha512) and unpacked into the cache, where later builds (offline too)
find it. A checkout's ``npm ci`` puts the same files in node_modules, which is used first
(``pyodide.npm_pyodide``).
"""

import base64
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from pricing_site.build.sources import NPM_LOCK

from .cache import BundleError, cache_root, ensure, move_in

REGISTRY = "https://registry.npmjs.org"
REGISTRY_ENV = "PRICING_SITE_NPM_REGISTRY"   # a mirror of the registry, for a closed network
TIMEOUT = 60


def npm_package(name, *, lock_path=NPM_LOCK, cache_dir=None):
    """The folder of npm package ``name`` as the lock pins it, with the packages it depends
    on beside it (so Node resolves its imports): from the cache, else fetched into it."""
    packages = _lock(lock_path)
    entry = _entry(packages, name, lock_path)
    root = cached_root(name, lock_path=lock_path, cache_dir=cache_dir)
    folder = root / "node_modules" / name
    if not (folder / "package.json").is_file():
        staging = Path(tempfile.mkdtemp(prefix=".npm-", dir=ensure(root.parent)))
        try:
            for each in (name, *entry.get("dependencies", {})):
                _unpack(_fetch(each, _entry(packages, each, lock_path), root),
                        staging / "node_modules" / each)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        move_in(staging, root)
    return folder


def cached_root(name, *, lock_path=NPM_LOCK, cache_dir=None):
    """The cache folder whose node_modules/ holds ``name`` as pinned, and what it imports."""
    entry = _entry(_lock(lock_path), name, lock_path)
    return Path(cache_dir or cache_root() / "npm") / (
        f"{name.replace('/', '+')}-{entry['version']}-"
        f"{_digest_hex(entry['integrity'])[:12]}")


def tarball_url(name, version):
    """Where the registry serves a version's tarball (a scope stays in the path only)."""
    registry = (os.environ.get(REGISTRY_ENV) or REGISTRY).rstrip("/")
    return f"{registry}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"


def _lock(lock_path):
    try:
        return json.loads(Path(lock_path).read_text(encoding="utf-8"))["packages"]
    except (OSError, ValueError, KeyError) as exc:
        raise BundleError(f"cannot read the npm lock {lock_path}: {exc}") from None


def _entry(packages, name, lock_path):
    entry = packages.get(f"node_modules/{name}")
    if not entry or not str(entry.get("integrity", "")).startswith("sha512-"):
        raise BundleError(f"{lock_path} pins no {name} with a sha512 integrity")
    return entry


def _digest_hex(integrity):
    return base64.b64decode(integrity.removeprefix("sha512-")).hex()


def _fetch(name, entry, cache):
    """The tarball's bytes, checked against the lock's integrity; a clear error otherwise."""
    url = tarball_url(name, entry["version"])
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise BundleError(
            f"the {name} {entry['version']} runtime is not in the cache ({cache}) and could "
            f"not be fetched from {url} ({reason}). Build once with access to the npm registry "
            f"(or set {REGISTRY_ENV} to a mirror) to fill the cache; later builds work "
            f"offline.") from None
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != entry["integrity"]:
        raise BundleError(f"{url} does not match the lock's integrity (expected "
                          f"{entry['integrity']}, got {got}): nothing was unpacked")
    return data


def _unpack(data, target):
    """The tarball's one top folder (``package/`` for most) as ``target``; unpacked beside it,
    on the same disk (the data filter refuses links out, absolute paths and device files)."""
    with tempfile.TemporaryDirectory(prefix=".unpack-", dir=ensure(target.parent)) as tmp:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        tops = [entry for entry in Path(tmp).iterdir() if entry.is_dir()]
        if len(tops) != 1:
            raise BundleError(f"the tarball of {target.name} has no single top folder")
        tops[0].replace(target)
