"""Shared fixtures: a scratch copy of the real project, and the CLI runner."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


PEAK_MEMORY_AT_EXIT = (
    # VmHWM is this process's own peak (ru_maxrss would count the parent's memory from before exec)
    "import atexit, sys\n"
    "atexit.register(lambda: print('maxrss', next(int(l.split()[1]) for l in open('/proc/self/status')"
    " if l.startswith('VmHWM')), file=sys.stderr))\n"
)
"""Python lines that make a child process print its peak memory in KiB (`maxrss N`) on stderr at exit."""


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Path:
    """A fresh build of the real project into a scratch directory (built once per session)."""
    from toolkit.publish.package import build_package
    from toolkit.project import open_project

    out = tmp_path_factory.mktemp("built") / "datapackage"
    result = build_package(open_project(ROOT), out)
    assert result.ok, [i.message for i in result.report.errors]
    return out


@pytest.fixture
def project(tmp_path, built_package) -> Path:
    """A copy of the real project (seeds/, schemas/ and a built datapackage/) to break at will."""
    for name in ("seeds", "schemas"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(built_package, tmp_path / "datapackage")
    return tmp_path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def tree_digest(path: Path) -> dict[str, str]:
    """sha256 of every file under path, to prove a directory was left as it was."""
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }
