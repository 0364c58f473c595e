"""The committed releases are intact: every file matches SHA256SUMS and the index, and each validates."""

from __future__ import annotations

import json

import pytest

from toolkit.hashing import file_sha256
from toolkit.validate.package import validate_package

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a contribution never touches releases/

INDEX = json.loads((ROOT / "releases/index.json").read_text()) if (ROOT / "releases/index.json").is_file() else None
VERSIONS = [v["version"] for v in INDEX["versions"]] if INDEX else []


def test_release_1_0_0_is_published():
    assert "1.0.0" in VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_release_matches_its_checksums_and_index(version):
    folder = ROOT / "releases" / version
    record = next(v for v in INDEX["versions"] if v["version"] == version)
    sums = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
        assert file_sha256(folder / name) == digest, name
    listed = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert set(sums) == listed
    assert record["datapackage_sha256"] == sums["datapackage.json"]
    assert json.loads((folder / "datapackage.json").read_text())["version"] == version


@pytest.mark.parametrize("version", VERSIONS)
def test_release_validates(version):
    report = validate_package(ROOT / "releases" / version / "datapackage.json")
    assert report.valid, [i.message for i in report.errors][:5]


def test_citation_files_describe_the_latest_release():
    import subprocess
    import sys
    from pathlib import Path

    import yaml

    latest = INDEX["latest"]
    record = next(v for v in INDEX["versions"] if v["version"] == latest)
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    zenodo = json.loads((ROOT / ".zenodo.json").read_text())
    assert citation["version"] == zenodo["version"] == latest
    assert citation["date-released"] == zenodo["publication_date"] == record["date"]
    done = subprocess.run([str(Path(sys.executable).parent / "cffconvert"), "--validate", "-i",
                           str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]


@pytest.mark.parametrize("version", [v["version"] for v in (INDEX or {}).get("versions", []) if "zip" in v])
def test_release_zip_matches_the_index_and_its_folder(version):
    import hashlib
    import zipfile

    record = next(v for v in INDEX["versions"] if v["version"] == version)
    archive = ROOT / "releases" / record["zip"]["path"]
    assert archive.stat().st_size == record["zip"]["bytes"]
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == record["zip"]["sha256"]
    folder = ROOT / "releases" / version
    with zipfile.ZipFile(archive) as opened:
        for name in opened.namelist():
            assert opened.read(name) == (folder / name.split("/", 1)[1]).read_bytes(), name


def test_the_readme_opens_with_the_latest_release_as_release_writes_it():
    """The README's first screen names the latest version and links its files; `prisoner-data release`
    rewrites it, so it can only be stale when edited by hand."""
    import datetime as dt

    from toolkit.ingest.schemas import load_contract
    from toolkit.project import open_project
    from toolkit.publish.citation import README_START, readme_block
    from toolkit.report import Report

    latest = INDEX["latest"]
    record = next(v for v in INDEX["versions"] if v["version"] == latest)
    folder = ROOT / "releases" / latest
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    meta = load_contract(open_project(ROOT), Report()).metadata
    readme = (ROOT / "README.md").read_text()
    assert readme_block(meta, latest, dt.date.fromisoformat(record["date"]), meta.index_url, files) in readme
    assert readme.index(README_START) < readme.index("```")  # the data user's screen before any command


def test_the_readmes_first_commands_are_the_two_that_set_everything_up():
    import re

    readme = (ROOT / "README.md").read_text()
    first = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first.splitlines() if line.strip()]
    assert commands[:2] == ["make build", "make test"]


def test_the_readme_says_only_what_is_true_of_every_release():
    """What the README promises every release holds, each published release holds; what it promises of the
    releases after 2.0.0 (the workbook and the page), each of them holds."""
    import fnmatch
    import re

    readme = " ".join((ROOT / "README.md").read_text().split())
    promised = re.search(r"Every release, from the first, holds (.*?);", readme)
    assert promised, "the README says what every release holds"
    patterns = re.findall(r"`([^`]+)`", promised.group(1))
    assert "datapackage.json" in patterns and "SHA256SUMS" in patterns
    for version in VERSIONS:
        folder = ROOT / "releases" / version
        files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        for pattern in patterns:
            assert fnmatch.filter(files, pattern), f"README says every release holds {pattern}; {version} does not"
        if tuple(map(int, version.split("."))) > (2, 0, 0):
            assert {"report.html", "belarus-prisoner-releases-2025.xlsx"} <= set(files), version
