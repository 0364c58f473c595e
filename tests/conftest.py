"""Shared fixtures: the suite's own project, the live dataset, and the CLI runner.

Two kinds of data, kept apart so that the dataset can grow without breaking a test:
- the suite's own project (tests/fixtures/project: invented articles, claims, registry and
  decisions, with the repository's schemas). Tests that need exact figures, ids or lines build
  it, break it and compare against it; no contribution to seeds/ changes what they see.
- the live dataset (seeds/ and the committed datapackage/). Tests of it (marked `live`) assert
  only what holds after any valid contribution: every value traced to a quote, sums that close,
  keys that resolve, every conflict with its sides, the committed package current.

The line between them is enforced, not promised: a test that opens or lists anything of the live
dataset (seeds/, datapackage/, docs/data-dictionary.md) without the `live` mark fails, however it
got there (an audit hook sees every open and directory listing of this process), and so does the
collection of a module that reads it when imported, unless the whole module is marked live. So a
contribution can only change what the `live` tests see, and `.ci/growth-check` runs only those.
What the hook cannot see: reads by child processes, by native code (pyarrow, DuckDB open files
themselves), through a symlink placed elsewhere, mere existence checks, and session or module
fixtures set up before a test begins; tests reach the live dataset through `ROOT` and the
`live_package` fixture, and review keeps it that way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

if os.environ.get("PYTEST_XDIST_WORKER"):
    _main = sys.modules.get("__main__")
    if _main is not None and getattr(_main, "__spec__", None) is None and not hasattr(_main, "__file__"):
        _main.__file__ = str(Path(__file__).with_name("xdist_main.py"))  # see that file
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_PROJECT = FIXTURES / "project"
"""The suite's own project: seeds/ only; assemble_project() adds the repository's schemas."""


LIVE_PATHS = (ROOT / "seeds", ROOT / "datapackage", ROOT / "docs" / "data-dictionary.md")
"""What a contribution changes: only tests marked `live` may read them."""


class LiveDataGuard:
    """Records every path of the live dataset this process opens or lists while a test without the
    `live` mark runs (sys.addaudithook: hooks cannot be removed, so it is installed once, and only
    records while a test is under way)."""

    EVENTS = ("open", "os.listdir", "os.scandir")

    def __init__(self):
        self.watching = False
        self.seen: list[str] = []
        self.prefixes = tuple(str(p) for p in LIVE_PATHS)

    def record(self, event: str, args: tuple) -> None:
        if not args:
            return
        if event != "open" and sys._getframe(2).f_globals.get("__name__") == "pkgutil":
            return  # module discovery (frictionless looks for plugins on sys.path, the checkout among them)
        path = args[0]
        if isinstance(path, int) or path is None:
            return  # a file descriptor: opened by path before, or not a file of ours
        path = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else path
        if not isinstance(path, str):
            return
        if event == "open" and args[1] is None and not os.path.isabs(path):
            return  # os.open, maybe relative to a dir_fd the event does not carry (shutil.rmtree's walk)
        absolute = os.path.normpath(os.path.join(os.getcwd(), path))
        if any(absolute == p or absolute.startswith(p + os.sep) for p in self.prefixes):
            self.seen.append(absolute)

    def begin(self, allowed: bool) -> None:
        self.seen, self.watching = [], not allowed

    def end(self) -> list[str]:
        self.watching = False
        return list(dict.fromkeys(self.seen))


GUARD = LiveDataGuard()


def _audit(event: str, args: tuple, _events=frozenset(LiveDataGuard.EVENTS), _guard=GUARD) -> None:
    # called for every audited event of the process (imports, compiles, opens...): return at once
    if event in _events and _guard.watching:
        _guard.record(event, args)


sys.addaudithook(_audit)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A test module that reads the live dataset when it is imported (a constant, parametrised ids) must
    be marked live as a whole: its collection fails otherwise."""
    if not isinstance(collector, pytest.Module):
        yield
        return
    GUARD.begin(allowed=False)
    outcome = yield
    seen = GUARD.end()
    marks = getattr(getattr(collector, "_obj", None), "pytestmark", [])
    marks = marks if isinstance(marks, list) else [marks]
    report = outcome.get_result()
    if seen and report.outcome == "passed" and not any(mark.name == "live" for mark in marks):
        report.outcome = "failed"
        report.longrepr = (f"{collector.nodeid} reads the live dataset ({_shown(seen)}) when it is imported, without "
                           "`pytestmark = pytest.mark.live`: read it inside a test marked live, or mark the module")


def _shown(seen: list[str]) -> str:
    more = f" and {len(seen) - 3} more" if len(seen) > 3 else ""
    return ", ".join(os.path.relpath(p, ROOT) for p in seen[:3]) + more


@pytest.fixture(autouse=True)
def _live_data_guard(request):
    """Fails a test without the `live` mark that read the live dataset (see LiveDataGuard)."""
    GUARD.begin(allowed=request.node.get_closest_marker("live") is not None)
    yield
    seen = GUARD.end()
    if seen:
        pytest.fail(f"{request.node.nodeid} read the live dataset ({_shown(seen)}) without @pytest.mark.live: use the "
                    "suite's own project (the `project` or `built_package` fixture), or mark it live and assert only "
                    "what holds after any valid contribution", pytrace=False)


PEAK_MEMORY_AT_EXIT = (
    # VmHWM is this process's own peak (ru_maxrss would count the parent's memory from before exec)
    "import atexit, sys\n"
    "atexit.register(lambda: print('maxrss', next(int(l.split()[1]) for l in open('/proc/self/status')"
    " if l.startswith('VmHWM')), file=sys.stderr))\n"
)
"""Python lines that make a child process print its peak memory in KiB (`maxrss N`) on stderr at exit."""


def assemble_project(dest: Path) -> Path:
    """A project at `dest`: the suite's own seeds beside the repository's schemas (the contract under test)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURE_PROJECT / "seeds", dest / "seeds")
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    return dest


def once_per_run(tmp_path_factory, name: str, make):
    """`make(folder)` run once for the whole test run, its result shared: with pytest-xdist, the first worker
    to ask makes it (in a folder of the run's base temporary directory, under a lock), and the others wait
    for it and get the same result, rather than each making its own. For what tests only read (they copy
    it to change it): the suite's built package, its releases, large generated tables.
    `make` returns what the fixture gives (picklable: paths, numbers, lists)."""
    import fcntl
    import pickle

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / "once-per-run"  # the run's own, beside each worker's
    shared.mkdir(exist_ok=True)
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = shared / f"{name}.pickle"
        if made.is_file():
            return pickle.loads(made.read_bytes())
        folder = shared / name
        shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed to make it left
        folder.mkdir()
        value = make(folder)
        made.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Path:
    """A fresh build of the suite's own project into a scratch directory (built once per run)."""
    def make(folder: Path) -> Path:
        from toolkit.pipeline import build_package
        from toolkit.project import open_project

        root = assemble_project(folder / "fixture-project" / "project")
        out = folder / "built" / "datapackage"
        out.parent.mkdir()
        result = build_package(open_project(root), out, dictionary=False)
        assert result.ok, [i.message for i in result.report.errors]
        return out

    return once_per_run(tmp_path_factory, "built", make)


@pytest.fixture(scope="session")
def released_once(tmp_path_factory, built_package) -> Path:
    """The suite's own project with release 1.0.0 published, once per run: a release writes nothing that
    names the folder it ran in, so each test gets a copy (`released`) rather than a release of its own."""
    def make(folder: Path) -> Path:
        from click.testing import CliRunner

        from toolkit.cli import main

        project = assemble_project(folder / "project")
        shutil.copytree(built_package, project / "datapackage")
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PRISONER_DATA_CACHE", str(project.parent / "cache"))
            result = CliRunner().invoke(main, ["release", "1.0.0", "--project", str(project), "--date",
                                               "2025-12-20"])
        assert result.exit_code == 0, result.output
        return project

    return once_per_run(tmp_path_factory, "released", make)


@pytest.fixture
def project(tmp_path, built_package) -> Path:
    """A copy of the suite's own project (seeds/, schemas/ and its built datapackage/) to break at will."""
    assemble_project(tmp_path)
    shutil.copytree(built_package, tmp_path / "datapackage")
    return tmp_path


@pytest.fixture(scope="session")
def live_package() -> Path:
    """The committed package of the live dataset (tests/test_live.py checks that it is what seeds/ build)."""
    return ROOT / "datapackage"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def tree_digest(path: Path) -> dict[str, str]:
    """sha256 of every file under path, to prove a directory was left as it was."""
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }
