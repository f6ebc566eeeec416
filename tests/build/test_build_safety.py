"""Nothing lost: a build that fails, or is killed midway, leaves the previous site as it was,
and a build refuses an output folder it would destroy (the project's sources, a folder that
is not an earlier build's output)."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from pricing_site.build.output import MARKER
from pricing_site.build.site import build_site
from tests.site_support import DEMO
from tests.support.permissions import can_write_into, obey_file_modes
from tests.support.paths import ROOT
from tests.support.paths import with_demo_texts

pytestmark = pytest.mark.e2e  # builds and replaces output folders, in processes of their own too


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
    base = with_demo_texts(tmp_path_factory.mktemp("safety"))   # its copies name them
    out = base / "site"
    result = subprocess.run(cli("build", "--catalog", str(DEMO), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return base, out


@contextmanager
def build_at_work(out, *args, where="*"):
    """A build into ``out`` (more CLI ``args``), once it is writing files into its staging
    folder (``where``: a glob under it); killed if it still runs afterwards."""
    process = subprocess.Popen(cli("build", "--out", str(out), *args), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            staging = list(out.parent.glob(f".{out.name}.building-*"))
            if staging and any(p.is_file() for p in staging[0].rglob(where)):
                break
            time.sleep(0.02)
        assert process.poll() is None, "the build finished before it could be interrupted"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_build_killed_midway_leaves_the_previous_output_intact(built):
    base, out = built
    before = tree_digest(out)
    changed = base / "plans.yaml"
    changed.write_text(DEMO.read_text("utf-8").replace("Relaykit", "Killed Midway"), "utf-8")
    with build_at_work(out, "--catalog", str(changed)) as process:
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
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
    assert (out / MARKER).is_file(), "an earlier build's output is replaced, and marked again"


def test_an_output_a_killed_build_moved_aside_is_put_back_or_removed(built):
    """Killed between its two renames, a build leaves the previous output as .site.old-<pid>
    and no site/: the next build, even a failing one, puts it back; beside a site/, it goes."""
    base, out = built
    before = tree_digest(out)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    aside = base / f".site.old-{gone.pid}"
    out.rename(aside)
    broken = base / "broken.yaml"
    broken.write_text("currency: [", "utf-8")
    result = subprocess.run(cli("build", "--catalog", str(broken), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert not aside.exists() and tree_digest(out) == before
    shutil.copytree(out, aside)
    result = subprocess.run(cli("build", "--catalog", str(broken), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and not aside.exists() and tree_digest(out) == before


def test_a_rebuild_keeps_what_the_output_holds_under_a_dot_name(built):
    """A deploy repository in the output (GitHub Pages from public/.git) survives a rebuild,
    as MkDocs keeps dotfiles when it cleans its site_dir."""
    base, out = built
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (out / ".nojekyll").write_text("")
    result = subprocess.run(cli("build", "--catalog", str(DEMO), "--out", str(out)), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (out / ".nojekyll").is_file() and (out / MARKER).is_file()
    shutil.rmtree(out / ".git")
    (out / ".nojekyll").unlink()


def test_folders_named_by_this_process_id_are_a_dead_builds(tmp_path):
    """In a container every build is pid 1: a folder a killed build left under that pid is
    not this build's, which has made none yet when it sweeps."""
    from pricing_site.build.output import sweep_dead_builds

    out = tmp_path / "site"
    stale = tmp_path / f".site.building-{os.getpid()}-abc123"
    aside = tmp_path / f".site.old-{os.getpid()}-def456"
    for folder in (stale, aside):
        folder.mkdir()
        (folder / "index.html").write_text(folder.name)
    sweep_dead_builds(out)
    assert not stale.exists() and not aside.exists()
    assert (out / "index.html").read_text() == aside.name  # the output put back


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


@pytest.fixture
def project(tmp_path):
    """A copy of the project's sources and a folder of someone's notes beside them: a build
    that wrongly replaced one of them destroys the copy, never the checkout."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "site_src", root / "site_src")
    for name in ("mkdocs.yml", "plans.yaml"):
        shutil.copy(ROOT / name, root / name)
    with_demo_texts(root)
    (root / "notes").mkdir()
    (root / "notes" / "todo.md").write_text("mine", encoding="utf-8")
    return root


def listing(folder):
    """Every path under ``folder`` (empty folders too) and the bytes of its files."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")), tree_digest(folder)


@pytest.mark.parametrize("all_variants", [False, True], ids=["site", "all-variants"])
@pytest.mark.parametrize("out, reason", [
    (".", "it is the project folder"),
    ("..", "it holds the project folder"),
    ("site_src", "it holds the docs_dir of mkdocs.yml"),
    ("site_src/docs/built", "it lies inside the docs_dir of mkdocs.yml"),
    ("plans.yaml", "it is the catalog"),
    ("plans.yaml/site", "/project/plans.yaml is a file, not a folder"),
    ("notes", "it is not empty and not the output of an earlier build"),
])
def test_an_output_that_would_destroy_something_is_refused_and_nothing_changes(
        project, capsys, out, reason, all_variants):
    before = listing(project.parent)
    status = build_site(str(project / "plans.yaml"), out=str(project / out),
                        all_variants=all_variants, config_file=project / "mkdocs.yml")
    err = capsys.readouterr().err
    assert status == 2
    assert f"error: will not build into {(project / out).resolve()}: " in err
    assert reason in err and "Traceback" not in err
    assert listing(project.parent) == before


def test_the_home_folder_is_refused_even_empty(project, tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert build_site(str(project / "plans.yaml"), out=str(home),
                      config_file=project / "mkdocs.yml") == 2
    assert "it is your home folder" in capsys.readouterr().err
    assert list(home.iterdir()) == []


def test_what_a_build_may_replace(tmp_path):
    from pricing_site.build.site import _protected
    from pricing_site.build.output import refusal as output_refusal

    def refusal(out, files=()):
        for name in files:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text("x")
        return output_refusal(out, _protected(out, DEMO, ROOT / "mkdocs.yml"))

    assert refusal(tmp_path / "new" / "site") is None
    (tmp_path / "empty").mkdir()
    assert refusal(tmp_path / "empty") is None
    assert refusal(tmp_path / "marked", [MARKER, "page.html"]) is None
    # only the marker proves an output ours: another generator's site has _headers too
    assert "not the output" in refusal(tmp_path / "netlify", ["_headers", "index.html"])
    assert "not the output" in refusal(tmp_path / "dist", ["variants.json", "edge/worker.mjs"])
    assert "not the output" in refusal(tmp_path / "json", ["variants.json", "notes.txt"])
    assert "not the output of an earlier build" in refusal(tmp_path / "www", ["index.html"])
    assert refusal(Path("/")).startswith("it is the filesystem root; ")
    # the templates, hooks and assets every site builds from (the package's)
    assert refusal(ROOT / "site_src" / "overrides").startswith("it is the site's templates")
    assert refusal(ROOT / "site_src" / "hooks" / "new").startswith(
        "it lies inside the site's hooks")
    assert refusal(ROOT / "site_src" / "assets" / "calculator").startswith(
        "it lies inside the site's assets")


@pytest.mark.parametrize("all_variants", [False, True], ids=["site", "all-variants"])
def test_an_output_folder_that_cannot_be_made_is_an_error_not_a_traceback(
        project, capsys, monkeypatch, all_variants):
    from pricing_site.build import output

    def read_only(parent, prefix):  # as a folder the user may not write into
        raise PermissionError(13, "Permission denied", str(parent / prefix))

    monkeypatch.setattr(output, "_new_folder", read_only)
    before = listing(project.parent)
    status = build_site(str(project / "plans.yaml"), out=str(project / "out" / "site"),
                        all_variants=all_variants, config_file=project / "mkdocs.yml")
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert f"error: cannot make the output folder {project / 'out' / 'site'}: Permission denied" in err
    paths, files = listing(project.parent)
    assert (paths, files) == (sorted(before[0] + ["project/out"]), before[1])  # its parent only


@pytest.mark.parametrize("all_variants", [False, True], ids=["site", "all-variants"])
@pytest.mark.parametrize("files", [
    ["index.html", "_headers", "assets/app.js"],   # another generator's Netlify output
    ["variants.json", "edge/worker.mjs", "a/index.html"],
], ids=["headers-beside-index", "variants-beside-edge"])
def test_a_folder_without_the_marker_is_not_ours_whatever_it_holds(project, capsys, files,
                                                                   all_variants):
    out = project.parent / "public"
    for name in files:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("someone else's", encoding="utf-8")
    before = listing(project.parent)
    status = build_site(str(project / "plans.yaml"), out=str(out), all_variants=all_variants,
                        config_file=project / "mkdocs.yml")
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert f"error: will not build into {out}: it is not empty and not the output of an " \
           f"earlier build (it has no {MARKER} file)" in err
    assert "empty it or choose a new folder" in err and f"touch {out / MARKER}" in err
    assert listing(project.parent) == before


NOBODY = 65534


def earlier_output(built, folder):
    """A copy of the module's build at ``folder``, with a deploy's .nojekyll and .git."""
    shutil.copytree(built[1], folder)
    (folder / ".nojekyll").write_text("")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    return folder


def modes(folder):
    """Every path under ``folder`` with its permission bits."""
    return sorted((str(p.relative_to(folder)), p.stat().st_mode) for p in folder.rglob("*"))


@pytest.mark.parametrize("read_only", ["site", "site/assets", "site/.git", "."])
def test_an_output_a_build_could_not_replace_whole_is_refused_and_left_as_it_was(
        built, tmp_path, read_only):
    """Read-only, the output (or its folder) would be half replaced: the build refuses it
    before it starts, in one line, and makes nothing beside it."""
    out = earlier_output(built, tmp_path / "site")
    locked = (tmp_path / read_only).resolve()
    before, modes_before, mode = listing(tmp_path), modes(tmp_path), locked.stat().st_mode
    locked.chmod(0o555)
    try:
        assert not can_write_into(locked), "the build would not meet a read-only folder"
        result = subprocess.run(cli("build", "--catalog", str(DEMO), "--out", str(out)),
                                cwd=ROOT, capture_output=True, text=True, timeout=300,
                                preexec_fn=obey_file_modes)
    finally:
        locked.chmod(mode)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"error: will not build into {out}: {locked} is read-only, and a "
                             f"build makes the new output beside the old one, then deletes the "
                             f"old one: make it writable (chmod u+w {locked}) or choose another "
                             f"folder\n")
    assert listing(tmp_path) == before and modes(tmp_path) == modes_before


def test_an_output_made_read_only_during_the_build_is_left_as_it_was(built, tmp_path):
    """What was checked before the build may have changed by the time it is swapped in."""
    out = earlier_output(built, tmp_path / "site")
    before = listing(tmp_path)
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from pricing_site.build.output import build_into

        out = Path({str(out)!r})

        def fill(staging):
            (staging / "index.html").write_text("the new site")
            (out / "assets").chmod(0o555)
            return 0

        sys.exit(build_into(out, fill))
    """)
    try:
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                                text=True, timeout=60, preexec_fn=obey_file_modes)
    finally:
        (out / "assets").chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: cannot replace {out}: {out / 'assets'} is "
                                    "read-only") and result.stderr.count("\n") == 1
    assert listing(tmp_path) == before


def mounted_on_itself(folder, *command):
    """``command`` run with ``folder`` a mount point (bound on itself, in a mount namespace of
    its own: nothing outside sees it)."""
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "-rm"]
    return subprocess.run([*unshare, "sh", "-c", 'mount --bind "$1" "$1" && shift && exec "$@"',
                           "sh", str(folder), *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_an_output_on_a_mount_point_is_left_as_it_was(built, tmp_path):
    """A volume mounted as the output can be neither renamed nor emptied by moving its dot
    folders out (EBUSY, EXDEV), and a build swaps by renaming: the swap fails, and says so."""
    out = earlier_output(built, tmp_path / "site")
    before = listing(tmp_path)
    result = mounted_on_itself(out, *cli("build", "--catalog", str(DEMO), "--out", str(out)))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: cannot replace {out}: ")
    assert result.stderr.endswith("; is it a mount point? Build into a folder inside it\n")
    assert result.stderr.count("\n") == 1 and listing(tmp_path) == before


def test_a_swap_that_fails_midway_is_undone(built, tmp_path):
    """In a shared folder (sticky, as /tmp), an output someone else owns can be emptied but
    not renamed: the swap has moved its dot folders into the new build when the rename fails,
    and puts them back. File modes pass the check before the swap; the owner does not."""
    shared = tmp_path / "shared"
    out = earlier_output(built, shared / "site")
    for path in (shared, *shared.rglob("*")):
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
        path.chmod(0o777 if path.is_dir() else 0o666)
    shared.chmod(0o1777)
    before = listing(tmp_path), modes(tmp_path)
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from pricing_site.build.output import build_into

        def fill(staging):
            (staging / "index.html").write_text("the new site")
            return 0

        sys.exit(build_into(Path({str(out)!r}), fill))
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, preexec_fn=obey_file_modes)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: cannot replace {out}: Operation not permitted ({out})\n"
    assert (listing(tmp_path), modes(tmp_path)) == before


def alive(pid):
    """Whether process ``pid`` still runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def children(pid):
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


@pytest.mark.parametrize("all_variants", [False, True], ids=["site", "all-variants"])
def test_a_build_stopped_with_sigterm_cleans_up_as_on_ctrl_c(built, tmp_path, all_variants):
    """kill, docker stop and CI runners send TERM: the build removes its staging folder (and
    stops its workers) before it exits, instead of leaving them for the next build."""
    out = tmp_path / "out"
    if not all_variants:
        earlier_output(built, out)
    before = listing(tmp_path)
    # stopped once files are written into a folder of the staging folder (with --all-variants,
    # a variation's: the workers are at work)
    with build_at_work(out, "--catalog", str(DEMO), *(["--all-variants"] if all_variants else []),
                       where="*/*") as process:
        workers = children(process.pid)
        os.kill(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM and "Traceback" not in err, err
    assert list(tmp_path.glob(".out.*")) == [], "the build left its staging folder"
    assert listing(tmp_path) == before
    deadline = time.monotonic() + 10   # the multiprocessing helpers end once the build has
    while [pid for pid in workers if alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)], "a worker outlived the build"
