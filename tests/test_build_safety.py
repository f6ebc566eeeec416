"""Nothing lost: a build that fails, or is killed midway, leaves the previous site as it was."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.site_support import DEMO

ROOT = Path(__file__).resolve().parent.parent


def tree_digest(folder):
    """One hash over every file's path and bytes under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cli(*args):
    return [sys.executable, "-m", "pricing_site.cli", *args]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("safety")
    out = base / "site"
    result = subprocess.run(cli("build", "--catalog", str(DEMO), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return base, out


def test_a_build_killed_midway_leaves_the_previous_output_intact(built):
    base, out = built
    before = tree_digest(out)
    changed = base / "plans.yaml"
    changed.write_text(DEMO.read_text("utf-8").replace("Relaykit", "Killed Midway"), "utf-8")
    process = subprocess.Popen(cli("build", "--catalog", str(changed), "--out", str(out)),
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        # wait until the new build is writing files into its staging folder, then kill it
        while time.monotonic() < deadline and process.poll() is None:
            staging = list(base.glob(".site.building-*"))
            if staging and any(p.is_file() for p in staging[0].rglob("*")):
                break
            time.sleep(0.02)
        assert process.poll() is None, "the build finished before it could be interrupted"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert tree_digest(out) == before
    assert "Killed Midway" not in (out / "index.html").read_text("utf-8")


def test_a_failed_build_leaves_the_previous_output_intact(built):
    base, out = built
    before = tree_digest(out)
    broken = base / "broken.yaml"
    broken.write_text(DEMO.read_text("utf-8").replace("pricing: graduated", "pricing: gradual", 1),
                      "utf-8")
    result = subprocess.run(cli("build", "--catalog", str(broken), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "did you mean 'graduated'" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(out) == before
    # its own staging folder removed, and any a killed build left (the test above) swept
    assert list(base.glob(".site.building-*")) == [], "a staging folder was left behind"


def test_the_next_build_sweeps_only_the_staging_folders_of_dead_builds(built):
    base, out = built
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = base / f".site.building-{gone.pid}-abc123"
    running = base / f".site.building-{os.getpid()}-def456"  # this process: alive
    for folder in (dead, running):
        (folder / "assets").mkdir(parents=True)
        (folder / "index.html").write_text("half a site")
    result = subprocess.run(cli("build", "--catalog", str(DEMO), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert not dead.exists()
    assert running.is_dir() and (running / "index.html").read_text() == "half a site"


SKIP = {".git", ".venv", "node_modules", "__pycache__", ".hypothesis", ".pytest_cache",
        "test-artifacts", "site", "dist"}


def source_tree():
    """(path, size, mtime) of every file of the checkout outside tools' and outputs' folders."""
    found = {}
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if path.is_file() and not SKIP.intersection(parts) and not parts[0].startswith(".site"):
            stat = path.stat()
            found[str(path.relative_to(ROOT))] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_validate_and_build_never_write_into_the_source_tree(tmp_path):
    before = source_tree()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (("validate", str(DEMO)),
                 ("build", "--catalog", str(DEMO), "--out", str(tmp_path / "out"))):
        result = subprocess.run(cli(*args), cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr
    assert source_tree() == before
