"""Kills at exact points of build, release and download (SIGKILL, no clean-up runs), random kills of
build, and the next run's recovery: there is never an instant without a complete package, and
nothing a killed run left behind survives the next run."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.storage import CRASH_ENV, clear_stale, locked, new_staging

from .conftest import ROOT, assemble_project, once_per_run, tree_digest

pytestmark = pytest.mark.slow  # kills of real processes: left out of `make test-fast`


def cli(*args, cwd: Path, crash: str | None = None, env: dict | None = None, timeout: float = 300):
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environment.pop(CRASH_ENV, None)
    if crash:
        environment[CRASH_ENV] = crash
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def scratch(tmp_path, built_package) -> Path:
    """A copy of the suite's own project with its built package, releases and docs, as a checkout has them."""
    return _checkout(tmp_path, built_package)


def _checkout(root: Path, built_package: Path) -> Path:
    from toolkit.contribute.dictionary import render_dictionary
    from toolkit.project import open_project

    assemble_project(root)
    # the docs as a checkout of this project has them: its own data dictionary, not the live one
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("data-dictionary.md"))
    (root / "docs" / "data-dictionary.md").write_text(render_dictionary(open_project(root)), encoding="utf-8")
    (root / "releases").mkdir()
    shutil.copytree(built_package, root / "datapackage")
    return root


@pytest.fixture(scope="session")
def released_scratch(tmp_path_factory, built_package) -> Path:
    """`scratch` with release 1.0.0 published, once per run (the release before the one a test kills)."""
    def make(root: Path) -> Path:
        from click.testing import CliRunner

        from toolkit.cli import main

        _checkout(root, built_package)
        shutil.rmtree(root / "releases")  # a project before its first release
        result = CliRunner().invoke(main, ["release", "1.0.0", "--project", str(root), "--date", "2025-12-20"])
        assert result.exit_code == 0, result.output
        return root

    return once_per_run(tmp_path_factory, "released-scratch", make)


@pytest.fixture
def released(released_scratch, tmp_path) -> Path:
    """A copy of `released_scratch` to kill releases and downloads in (a release names no folder it ran in)."""
    shutil.copytree(released_scratch, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".staging-" in p.name or ".old-" in p.name)


def _change_a_claim(root: Path) -> None:
    path = root / "seeds/claims/fixture-herald-2025-12-14.yaml"
    text = path.read_text()
    assert "    value: prominent opposition activist\n" in text
    path.write_text(text.replace("    value: prominent opposition activist\n", "    value: opposition activist\n", 1))


@pytest.mark.parametrize("point", ["build:before-swap", "build:after-swap"])
def test_a_build_killed_at_each_step_leaves_a_whole_package(scratch, point):
    old = tree_digest(scratch / "datapackage")
    _change_a_claim(scratch)
    killed = cli("build", "-q", cwd=scratch, crash=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after_kill = tree_digest(scratch / "datapackage")
    assert after_kill == old if point == "build:before-swap" else after_kill != old
    assert leftovers(scratch)  # the killed run's staging is still there...
    rebuilt = cli("build", "-q", cwd=scratch)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert leftovers(scratch) == []  # ...and the next run removed it
    assert tree_digest(scratch / "datapackage") != old


def test_an_interrupted_two_rename_swap_is_undone(tmp_path):
    """Where the kernel has no RENAME_EXCHANGE, a kill between the renames leaves .NAME.old-PID: it is put back."""
    target = tmp_path / "datapackage"
    (tmp_path / ".datapackage.old-4242").mkdir()
    (tmp_path / ".datapackage.old-4242" / "datapackage.json").write_text("{}")
    (tmp_path / ".datapackage.staging-4242-00aa11bb").mkdir()
    with locked(tmp_path):
        clear_stale(tmp_path, "datapackage", target)
    assert (target / "datapackage.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage"]


def test_a_leftover_of_a_dead_process_with_our_pid_does_not_break_the_build(scratch):
    (scratch / f".datapackage.old-{os.getpid()}").mkdir()
    (scratch / ".datapackage.abcd_123").mkdir()  # named the way earlier versions named their staging
    done = cli("build", "-q", cwd=scratch)
    assert done.returncode == 0, done.stderr
    assert leftovers(scratch) == [] and not (scratch / ".datapackage.abcd_123").exists()


def test_staging_folders_honour_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        folder = new_staging(tmp_path, "x")
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o750


RELEASE_POINTS = ["release:before-journal", "release:after-journal", "release:moved-releases",
                  "release:moved-CITATION.cff", "release:moved-.zenodo.json"]


def served(releases: Path) -> tuple[set[str], dict, str]:
    """releases/ as a static server shows it: the names its listing links, its index, its changelog."""
    import re
    import urllib.request

    from .httpkit import Server

    server = Server(releases)
    try:
        listing = urllib.request.urlopen(server.url, timeout=10).read().decode()
        index = json.loads(urllib.request.urlopen(server.url + "index.json", timeout=10).read())
        changelog = urllib.request.urlopen(server.url + "CHANGELOG.md", timeout=10).read().decode()
        for record in index["versions"]:
            assert urllib.request.urlopen(f"{server.url}{record['version']}/datapackage.json", timeout=10).status == 200
    finally:
        server.close()
    return {name.rstrip("/") for name in re.findall(r'href="([^"]+)"', listing)}, index, changelog


def assert_published_all_at_once(releases: Path) -> None:
    """Every version folder a reader sees is in the index with its changelog entry, and nothing else is."""
    names, index, changelog = served(releases)
    versions = {record["version"] for record in index["versions"]}
    assert {n for n in names if n[:1].isdigit() and not n.endswith(".zip")} == versions, names
    assert not [n for n in names if n.startswith(".")], names  # no staging a reader could stumble on
    assert all(f"## {version} " in changelog for version in versions)


@pytest.mark.parametrize("point", RELEASE_POINTS)
def test_a_release_killed_at_each_step_is_completed_or_undone_by_the_next_run(released, point):
    scratch = released  # 1.0.0 is out
    _change_a_claim(scratch)
    killed = cli("release", "--bump", "auto", "--date", "2026-01-05", cwd=scratch, crash=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not list((scratch / "releases").glob(".*")), "staging never goes inside releases/"
    assert_published_all_at_once(scratch / "releases")  # what a server of releases/ shows after the kill
    swapped = point not in ("release:before-journal", "release:after-journal")
    versions = {v["version"] for v in json.loads((scratch / "releases/index.json").read_text())["versions"]}
    assert versions == ({"1.0.0", "1.0.1"} if swapped else {"1.0.0"})
    committed = point != "release:before-journal"
    recovered = cli("release", "--bump", "auto", "--date", "2026-01-06", cwd=scratch)
    index = json.loads((scratch / "releases/index.json").read_text())
    versions = [v["version"] for v in index["versions"]]
    if committed:  # the journal was written: the next run finished 1.0.1 and has nothing more to release
        assert recovered.returncode == 3 and "nothing changed since 1.0.1" in recovered.stderr
    else:  # nothing was committed: the next run released the change itself
        assert recovered.returncode == 0, recovered.stderr
    assert versions == ["1.0.0", "1.0.1"]
    assert "## 1.0.1" in (scratch / "releases/CHANGELOG.md").read_text()
    assert (scratch / "releases/1.0.1/SHA256SUMS").is_file()
    assert leftovers(scratch) == []
    # and what the two runs left is a finished 1.0.1: asked again, a release finds nothing to publish (asked
    # here, not in a third interpreter: the killed run and the run after it are the processes under test)
    again = CliRunner().invoke(main, ["release", "1.0.1", "--project", str(scratch)])
    assert again.exit_code == 3 and "nothing changed since 1.0.1" in again.stderr, again.output


@pytest.mark.parametrize("point", ["download:before-place", "download:after-place"])
def test_a_download_killed_at_each_step_leaves_nothing_half_written(released, tmp_path, point):
    scratch = released  # 1.0.0 is out
    work = tmp_path / "work"
    work.mkdir()
    env = {"PRISONER_DATA_CACHE": str(tmp_path / "cache")}
    source = str(scratch / "releases" / "index.json")
    killed = cli("download", source, "--to", "got", cwd=work, crash=point, env=env)
    assert killed.returncode == -signal.SIGKILL
    if point == "download:before-place":
        assert not (work / "got").exists()
    else:
        assert tree_digest(work / "got") == tree_digest(scratch / "releases" / "1.0.0")
        shutil.rmtree(work / "got")
    again = cli("download", source, "--to", "got", cwd=work, env=env)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in work.iterdir()) == ["got"]


def test_fifteen_random_kills_of_build_then_one_clean_build_leave_git_status_clean(scratch):
    """The acceptance check of issue 9: after kill -9 at random instants, one rebuild restores a clean checkout."""
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=scratch, check=True)
    subprocess.run([*git, "add", "-A"], cwd=scratch, check=True)
    subprocess.run([*git, "commit", "-qm", "checkout"], cwd=scratch, check=True)
    started = time.monotonic()
    assert cli("build", "-q", cwd=scratch).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(9)
    temporary = scratch.parent / "tmp"  # what a killed build leaves outside the tree lands here, not in /tmp
    temporary.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}
    for _ in range(15):
        process = subprocess.Popen([sys.executable, "-m", "toolkit", "build", "-q"], cwd=scratch, env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (scratch / "datapackage" / "datapackage.json").is_file()  # never an instant without a package
    assert cli("build", "-q", cwd=scratch).returncode == 0
    status = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=scratch, capture_output=True,
                            text=True, check=True).stdout
    assert status == "", status
    assert list(temporary.iterdir()) == []  # nor outside it (the workbook's row files were once left in /tmp)


def test_a_lock_makes_a_second_build_wait_for_the_first(scratch):
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    with locked(scratch):  # as a running build or release holds it
        process = subprocess.Popen([sys.executable, "-m", "toolkit", "build"], cwd=scratch, env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = _stderr_until(process, "waiting for another prisoner-data process writing in", timeout=120)
        time.sleep(0.5)  # and it keeps waiting
        assert process.poll() is None, "the build finished while another process held the lock"
        assert leftovers(scratch) == [], "the build wrote before it had the lock"
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, said + err
    assert "waiting for another prisoner-data process writing in" in said


def _stderr_until(process, words: str, timeout: float) -> str:
    """The process's stderr up to the line holding `words` (it reached that point), within `timeout` s."""
    import selectors

    said, deadline = "", time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        while words not in said:
            left = deadline - time.monotonic()
            assert left > 0 and process.poll() is None, f"never said {words!r}: {said[-2000:]}"
            if selector.select(timeout=min(left, 1.0)):
                line = process.stderr.readline()
                said += line
    return said
