"""Shared fixtures: the suite's own project, the live dataset, and the CLI runner.

Two kinds of data, kept apart so that the dataset can grow without breaking a test:
- the suite's own project (tests/fixtures/project: invented articles, claims, registry and
  decisions, with the repository's schemas). Tests that need exact figures, ids or lines build
  it, break it and compare against it; no contribution to seeds/ changes what they see.
- the live dataset (seeds/ and the committed datapackage/). Tests of it (marked `live`) assert
  only what holds after any valid contribution: every value traced to a quote, sums that close,
  keys that resolve, every conflict with its sides, the committed package current.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_PROJECT = FIXTURES / "project"
"""The suite's own project: seeds/ only; assemble_project() adds the repository's schemas."""


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


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Path:
    """A fresh build of the suite's own project into a scratch directory (built once per session)."""
    from toolkit.pipeline import build_package
    from toolkit.project import open_project

    root = assemble_project(tmp_path_factory.mktemp("fixture-project") / "project")
    out = tmp_path_factory.mktemp("built") / "datapackage"
    result = build_package(open_project(root), out, dictionary=False)
    assert result.ok, [i.message for i in result.report.errors]
    return out


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
