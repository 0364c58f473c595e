"""The committed releases are intact: every file matches SHA256SUMS and the index, and each validates."""

from __future__ import annotations

import json

import pytest

from toolkit.hashing import file_sha256
from toolkit.validate.package import validate_package

from .conftest import ROOT

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
