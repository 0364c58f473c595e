"""Publish immutable versioned releases: releases/<version>/, SHA256SUMS, changelog, index.

A published version is never rewritten: releasing a version that exists is
refused before anything is written, the release directory is moved into place
in one rename, and its files are made read-only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .diff import bump_version, diff_packages, render_text
from ..errors import InvalidData, ReleaseError
from ..hashing import file_sha256
from ..project import Project

VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
SUMS = "SHA256SUMS"


@dataclass
class ReleaseResult:
    version: str
    path: Path
    bump: str
    reasons: list[str]
    rows: dict[str, int]


def read_index(releases_dir: Path) -> dict:
    path = releases_dir / "index.json"
    if not path.is_file():
        return {"versions": []}
    return json.loads(path.read_text(encoding="utf-8"))


def latest_version(index: dict) -> str | None:
    versions = [v["version"] for v in index.get("versions", [])]
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")), default=None)


def publish_release(project: Project, version: str | None = None, bump: str | None = None,
                    date: dt.date | None = None, progress=None) -> ReleaseResult:
    """Publish the package built from the seeds as releases/<version>/.

    Steps:
      1. build the package from seeds/ into a staging directory (validated as every build is);
      2. diff it against the latest release to choose the version (`bump`) and write the changelog entry;
      3. refuse a version that exists, before anything is written;
      4. stamp the version into datapackage.json and write SHA256SUMS and CHANGELOG.md;
      5. make the files read-only and move the directory into releases/ in one rename;
      6. add the version to releases/index.json and prepend its entry to releases/CHANGELOG.md.
    """
    from .package import build_package

    releases = project.releases_dir
    releases.mkdir(exist_ok=True)
    index = read_index(releases)
    previous = latest_version(index)
    staging = Path(tempfile.mkdtemp(prefix=".release-", dir=releases))
    try:
        built = build_package(project, staging / "package", progress=progress)
        if not built.ok:
            raise InvalidData("the package does not build; run `prisoner-data validate`", built.report)
        package = staging / "package"
        change = diff_packages(releases / previous, package) if previous else None
        version = _choose_version(version, bump, previous, change)
        _refuse_existing(releases, index, version)
        date = date or dt.datetime.now(dt.timezone.utc).date()
        entry = changelog_entry(version, date, previous, change)
        _stamp(package, version, entry)
        _freeze(package)
        os.rename(package, releases / version)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    record = _index_record(releases / version, version, date, built.rows)
    _write_index(releases, index, record)
    _prepend_changelog(releases / "CHANGELOG.md", entry)
    return ReleaseResult(version, releases / version, change.bump if change else "initial",
                         change.reasons if change else ["first release"], built.rows)


def _choose_version(version, bump, previous, change) -> str:
    if version and bump:
        raise ReleaseError("give a VERSION or --bump, not both")
    if version:
        if not VERSION.match(version):
            raise ReleaseError(f"version '{version}' is not MAJOR.MINOR.PATCH", value=version)
        return version
    if previous is None:
        return "1.0.0"
    level = change.bump if bump in (None, "auto") else bump
    if level == "none":
        raise ReleaseError(f"nothing changed since {previous}; there is nothing to release",
                           hint="give an explicit VERSION or --bump patch to release anyway")
    return bump_version(previous, level)


def _refuse_existing(releases: Path, index: dict, version: str) -> None:
    if (releases / version).exists() or any(v["version"] == version for v in index.get("versions", [])):
        raise ReleaseError(f"version {version} is already published; published versions never change",
                           path=releases / version, hint="release a new version (--bump auto)")


def changelog_entry(version: str, date: dt.date, previous: str | None, change) -> str:
    lines = [f"## {version} ({date.isoformat()})", ""]
    if change is None:
        lines.append("First release.")
    else:
        lines.append(f"Changes since {previous} ({change.bump}):")
        lines.append("")
        lines += [f"- {reason}" for reason in change.reasons] or ["- no data changes"]
        details = render_text(change, limit=20).splitlines()[1:]
        if details:
            lines += ["", "```", *details, "```"]
    return "\n".join(lines) + "\n"


def _stamp(package: Path, version: str, entry: str) -> None:
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    meta["version"] = version
    descriptor.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (package / "CHANGELOG.md").write_text(entry, encoding="utf-8")
    files = sorted(p for p in package.rglob("*") if p.is_file())
    sums = "".join(f"{file_sha256(p)}  {p.relative_to(package).as_posix()}\n" for p in files)
    (package / SUMS).write_text(sums, encoding="utf-8")


def parse_sums(text: str) -> dict[str, str]:
    """SHA256SUMS as {path: sha256}; ValueError naming the first malformed line."""
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise ValueError(number)
        sums[name] = digest
    return sums


def _freeze(package: Path) -> None:
    for path in [package, *package.rglob("*")]:
        path.chmod(0o444 if path.is_file() else 0o755)


def _index_record(path: Path, version: str, date: dt.date, rows: dict) -> dict:
    return {
        "version": version,
        "date": date.isoformat(),
        "path": f"{version}/",
        "datapackage_sha256": file_sha256(path / "datapackage.json"),
        "rows": rows,
    }


def _write_index(releases: Path, index: dict, record: dict) -> None:
    index = {"name": "belarus-prisoner-releases-2025", **index}
    index["versions"] = sorted([*index.get("versions", []), record],
                               key=lambda v: tuple(int(p) for p in v["version"].split(".")))
    index["latest"] = index["versions"][-1]["version"]
    _atomic_write(releases / "index.json", json.dumps(index, indent=2) + "\n")


def _prepend_changelog(path: Path, entry: str) -> None:
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
    head, _, rest = old.partition("\n\n")
    _atomic_write(path, f"{head}\n\n{entry}\n{rest}".rstrip("\n") + "\n")


def _atomic_write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
