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
from dataclasses import dataclass
from pathlib import Path

from .diff import bump_version, diff_packages, render_text
from ..errors import InvalidData, ReleaseError
from ..hashing import file_sha256
from ..project import Project
from ..storage import atomic_write, crashpoint, fsync_dir, fsync_tree, locked, new_staging, remove_tree, umask

VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
SUMS = "SHA256SUMS"
JOURNAL = "JOURNAL.json"
INDEX_KEYS = ("name", "latest", "versions")
INDEX_VERSION_KEYS = ("version", "date", "path", "datapackage_sha256", "rows")
RELEASE_LABEL = "release"


@dataclass
class ReleaseResult:
    version: str
    path: Path
    bump: str
    reasons: list[str]
    rows: dict[str, int]


def read_index(releases_dir: Path) -> dict:
    """releases/index.json, or an empty index; ReleaseError naming the line if it is damaged."""
    from ..ingest.jsonio import load_json
    from ..report import Report

    path = releases_dir / "index.json"
    if not path.is_file():
        return {"versions": []}
    report = Report()
    index = load_json(path, report, "releases/index.json")
    if index is None or not isinstance(index, dict) or not isinstance(index.get("versions"), list) \
            or not all(isinstance(v, dict) and isinstance(v.get("version"), str) and VERSION.match(v["version"])
                       for v in index["versions"]):
        issue = report.issues[0] if report.issues else None
        raise ReleaseError(issue.message if issue else "releases/index.json has no valid 'versions' list",
                           path=path, line=issue.line if issue else None,
                           hint="restore releases/index.json from version control")
    return index


def latest_version(index: dict) -> str | None:
    versions = [v["version"] for v in index.get("versions", [])]
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")), default=None)


def publish_release(project: Project, version: str | None = None, bump: str | None = None,
                    date: dt.date | None = None, progress=None) -> ReleaseResult:
    """Publish the package built from the seeds as releases/<version>/.

    Steps:
      1. under the project's lock, finish or undo any release a kill interrupted;
      2. build the package from seeds/ into a staging folder beside releases/ (validated as every build is);
      3. diff it against the latest release to choose the version (`bump`) and write the changelog entry;
      4. refuse a version that exists, before anything is written;
      5. stamp the version, write SHA256SUMS and CHANGELOG.md, make the files read-only;
      6. stage the new releases/index.json and releases/CHANGELOG.md beside it, fsync everything;
      7. write the journal (the commit point), then move the folder and the files into place.
    A kill before step 7 leaves releases/ as it was; after it, the next run completes the release.
    """
    from .package import build_package

    releases = project.releases_dir
    with locked(project.root, on_wait=progress):
        recover_releases(project)
        releases.mkdir(exist_ok=True)
        index = read_index(releases)
        previous = latest_version(index)
        work = new_staging(project.root, RELEASE_LABEL)
        try:
            built = build_package(project, work / "package", progress=progress)
            if not built.ok:
                raise InvalidData("the package does not build; run `prisoner-data validate`", built.report)
            package = work / "package"
            change = diff_packages(releases / previous, package) if previous else None
            version = _choose_version(version, bump, previous, change)
            _refuse_existing(releases, index, version)
            date = date or dt.datetime.now(dt.timezone.utc).date()
            entry = changelog_entry(version, date, previous, change)
            _stamp(package, version, entry)
            _freeze(package)
            record = _index_record(package, version, date, built.rows)
            files = {"index.json": _index_text(index, record),
                     "CHANGELOG.md": _changelog_text(releases / "CHANGELOG.md", entry)}
            _commit(project, work, version, files)
        finally:
            if work.exists() and not (work / JOURNAL).exists():
                remove_tree(work)
    return ReleaseResult(version, releases / version, change.bump if change else "initial",
                         change.reasons if change else ["first release"], built.rows)


def _commit(project: Project, work: Path, version: str, files: dict[str, str]) -> None:
    """Stage the releases/ files, write the journal (the commit point) and roll the release forward."""
    (work / "files").mkdir()
    for name, text in files.items():
        (work / "files" / name).write_text(text, encoding="utf-8")
    fsync_tree(work)
    crashpoint("release:before-journal")
    moves = [["package", f"{version}"]] + [[f"files/{name}", name] for name in files]
    atomic_write(work / JOURNAL, json.dumps({"version": version, "moves": moves}, indent=2) + "\n")
    crashpoint("release:after-journal")
    _roll_forward(project, work)


def _roll_forward(project: Project, work: Path) -> None:
    """Carry out a journal's moves; each is skipped once done, so a second run after a kill is safe."""
    journal = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    releases = project.releases_dir
    releases.mkdir(exist_ok=True)
    for source, target in journal["moves"]:
        if not (work / source).exists():
            continue  # moved before the kill
        if (work / source).is_dir():
            if (releases / target).exists():
                raise ReleaseError(f"cannot complete release {journal['version']}: releases/{target} exists",
                                   path=releases / target)
            os.rename(work / source, releases / target)
        else:
            os.replace(work / source, releases / target)
        crashpoint(f"release:moved-{Path(source).name}")
        fsync_dir(releases)
    remove_tree(work)


def recover_releases(project: Project) -> list[str]:
    """Finish releases whose journal was written, drop staging of those that never reached it.

    Call holding the project's lock. Also removes staging folders that older versions of
    this tool left inside releases/ itself.
    """
    done = []
    for work in sorted(project.root.glob(f".{RELEASE_LABEL}.staging-*")):
        if (work / JOURNAL).is_file():
            _roll_forward(project, work)
            done.append(work.name)
        else:
            remove_tree(work)
    if project.releases_dir.is_dir():
        for leftover in project.releases_dir.glob(".release-*"):
            remove_tree(leftover)
    return done


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
    """The version into the descriptor, the companion files beside it (named in it), then SHA256SUMS."""
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    meta["version"] = version
    (package / "CHANGELOG.md").write_text(entry, encoding="utf-8")
    meta["companions"] = [_companion(package, "CHANGELOG.md", "What changed in this version.")]
    descriptor.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files = sorted(p for p in package.rglob("*") if p.is_file())
    sums = "".join(f"{file_sha256(p)}  {p.relative_to(package).as_posix()}\n" for p in files)
    (package / SUMS).write_text(sums, encoding="utf-8")


def _companion(package: Path, name: str, description: str) -> dict:
    path = package / name
    return {"path": name, "description": description, "bytes": path.stat().st_size,
            "hash": "sha256:" + file_sha256(path)}


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
    """Files read-only, folders as the umask makes them: a published version is not edited in place."""
    for path in [package, *package.rglob("*")]:
        path.chmod((0o444 if path.is_file() else 0o777) & ~umask())


def _index_record(path: Path, version: str, date: dt.date, rows: dict) -> dict:
    return {
        "version": version,
        "date": date.isoformat(),
        "path": f"{version}/",
        "datapackage_sha256": file_sha256(path / "datapackage.json"),
        "rows": rows,
    }


def _index_text(index: dict, record: dict) -> str:
    index = {"name": "belarus-prisoner-releases-2025", **index}
    index["versions"] = sorted([*index.get("versions", []), record],
                               key=lambda v: tuple(int(p) for p in v["version"].split(".")))
    index["latest"] = index["versions"][-1]["version"]
    return json.dumps(index, indent=2) + "\n"


def _changelog_text(path: Path, entry: str) -> str:
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
    head, _, rest = old.partition("\n\n")
    return f"{head}\n\n{entry}\n{rest}".rstrip("\n") + "\n"
