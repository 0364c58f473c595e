"""Immutable versioned releases: releases/<version>/ and its zip, SHA256SUMS, changelog, index, citation.

`pipeline.publish_release` puts these pieces together in order.

A published version is never rewritten: releasing a version that exists is
refused before anything is written, the release directory is moved into place
in one rename, and its files are made read-only. Versions only go up, and a
release that changes nothing is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import stat
from pathlib import Path

from ..archive import write_zip
from ..errors import ReleaseError, UsageError
from ..hashing import file_sha256
from ..packagefiles import SUMS, VERSION, latest_version, read_index
from ..project import Project
from ..storage import atomic_write, clear_stale, crashpoint, fsync_dir, fsync_tree, remove_tree, swap_in, umask
from .citation import citation_cff, readme_block, with_readme_block, zenodo_json
from .diff import bump_version, render_text, summarize

JOURNAL = "JOURNAL.json"
CHANGELOG = "CHANGELOG.md"
RELEASE_LABEL = "release"


def parse_version(text: str, given_as: str, latest: bool = False) -> str:
    """`text` if it is MAJOR.MINOR.PATCH (or, where `latest` may be asked for, the word latest); else a
    usage error that says what was given, what is expected, and what to try."""
    if VERSION.match(text) or (latest and text == "latest"):
        return text
    numbers = re.findall(r"\d+", text)
    example = ".".join((numbers + ["0", "0", "0"])[:3]) if numbers else "1.0.0"
    expected = f"MAJOR.MINOR.PATCH such as {example}" + (", or latest" if latest else "")
    hint = (f"try --version {example} or --version latest" if latest
            else f"try `prisoner-data release {example}`, or `prisoner-data release --bump patch`")
    raise UsageError(f"{given_as} {text!r} is not a version: expected {expected}", value=text, hint=hint)


def development_version(project: Project, meta) -> str:
    """What a build between releases calls itself: the next patch version, -dev (or the first version, -dev)."""
    latest = latest_version(read_index(project.releases_dir))
    return f"{bump_version(latest, 'patch') if latest else meta.version}-dev"


def write_release(project: Project, work: Path, meta, version: str, date: dt.date, index: dict, entry: str,
                  rows: dict[str, int]) -> None:
    """Seal the checked package staged in `work/package` (SHA256SUMS, read-only files), zip it, stage the
    index, the changelogs, the citation files and the README's latest-release block, and commit them all."""
    package = work / "package"
    _seal(package)
    files = work / "files"
    files.mkdir()
    archive = f"{meta.name}-{version}.zip"
    write_zip(package, files / archive, f"{meta.name}-{version}")
    record = _index_record(package, files / archive, version, date, rows)
    texts = {"releases/index.json": _index_text(index, record, meta.name),
             "releases/CHANGELOG.md": _changelog_text(project.releases_dir / CHANGELOG, entry),
             "CITATION.cff": citation_cff(meta, version, date, meta.index_url),
             ".zenodo.json": zenodo_json(meta, version, date, meta.index_url)}
    readme = project.root / "README.md"
    files = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    updated = with_readme_block(readme.read_text(encoding="utf-8"), readme_block(
        meta, version, date, meta.index_url, files)) if readme.is_file() else None
    if updated is not None:  # the README's first screen names the latest version
        texts["README.md"] = updated
    _commit(project, work, version, archive, texts)


def _commit(project: Project, work: Path, version: str, archive: str, texts: dict[str, str]) -> None:
    """Stage the next releases/ whole and the files outside it, write the journal (the commit point),
    roll forward.

    The next releases/ is the current one (its files hard-linked: they are immutable) with the new
    version's folder, its zip, index.json and CHANGELOG.md; rolling forward exchanges it with the
    current one in one rename, so a reader of releases/ (a static server, a clone) sees either the old
    releases or the new one, whole: never a folder the index does not list yet."""
    for target, text in texts.items():
        (work / "files" / Path(target).name).write_text(text, encoding="utf-8")
    following = work / "releases"
    _link_tree(project.releases_dir, following)
    os.rename(work / "package", following / version)
    os.rename(work / "files" / archive, following / archive)
    for target in texts:
        if target.startswith("releases/"):
            os.replace(work / "files" / Path(target).name, following / Path(target).name)
    fsync_tree(work)
    crashpoint("release:before-journal")
    moves = [[f"files/{Path(target).name}", target] for target in texts if not target.startswith("releases/")]
    atomic_write(work / JOURNAL, json.dumps({"version": version, "releases": "releases", "moves": moves},
                                            indent=2) + "\n")
    crashpoint("release:after-journal")
    _roll_forward(project, work)


def _link_tree(source: Path, target: Path) -> None:
    """`target` as a copy of `source` whose files are hard links (a copy where links are refused)."""
    target.mkdir()
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts[0].startswith("."):
            continue  # a killed run's leftovers are not carried into the next releases/
        if path.is_dir() and not path.is_symlink():
            (target / relative).mkdir()
        elif path.is_file() and not path.is_symlink():
            try:
                os.link(path, target / relative)
            except OSError:
                shutil.copy2(path, target / relative)
    for path in sorted((p for p in source.rglob("*") if p.is_dir() and not p.is_symlink()), reverse=True):
        relative = path.relative_to(source)
        if (target / relative).is_dir():
            os.chmod(target / relative, stat.S_IMODE(path.stat().st_mode))  # a sealed folder stays sealed


def _published(releases: Path, version: str) -> bool:
    """Whether the live releases/ lists `version`: the exchange of a journal's releases/ happened."""
    index = releases / "index.json"
    try:
        document = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}
    except (OSError, ValueError):
        return False
    return any(isinstance(v, dict) and v.get("version") == version for v in document.get("versions") or [])


def _roll_forward(project: Project, work: Path) -> None:
    """Carry out a journal: exchange releases/ with the staged one (unless the live one already lists
    the version), then move the files outside it; each step is skipped once done, so a second run after
    a kill is safe."""
    journal = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    if "releases" in journal:
        staged = work / journal["releases"]
        if staged.is_dir() and not _published(project.releases_dir, journal["version"]):
            swap_in(staged, project.releases_dir)
            crashpoint("release:moved-releases")
    project.releases_dir.mkdir(exist_ok=True)
    for source, target in journal["moves"]:
        if not (work / source).exists():
            continue  # moved before the kill
        destination = project.root / target
        if (work / source).is_dir():
            if destination.exists():
                raise ReleaseError(f"cannot complete release {journal['version']}: {target} exists", path=destination)
            os.rename(work / source, destination)
        else:
            os.replace(work / source, destination)
        crashpoint(f"release:moved-{Path(source).name}")
        fsync_dir(destination.parent)
    remove_tree(work)


def recover_releases(project: Project) -> list[str]:
    """Finish releases whose journal was written, drop staging of those that never reached it.

    Call holding the project's lock. Also removes staging folders that older versions of
    this tool left inside releases/ itself.
    """
    done = []
    clear_stale(project.root, project.releases_dir.name, project.releases_dir)  # an exchange made by two renames
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


def choose_version(version, bump, previous, change) -> str:
    """The version to publish: explicit (greater than the latest), or the latest bumped."""
    if previous is not None and change.bump == "none":
        raise ReleaseError(f"nothing changed since {previous}; there is nothing to release",
                           hint="a release must change the data or its schemas")
    if version:
        if previous is not None and _key(version) <= _key(previous):
            raise ReleaseError(f"version {version} is not greater than the latest release, {previous}",
                               value=version, hint=f"choose a version after {previous}, or --bump auto")
        return version
    if previous is None:
        return "1.0.0"
    return bump_version(previous, change.bump if bump in (None, "auto") else bump)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def refuse_existing(releases: Path, index: dict, version: str) -> None:
    if (releases / version).exists() or any(v["version"] == version for v in index.get("versions", [])):
        raise ReleaseError(f"version {version} is already published; published versions never change",
                           path=releases / version, hint="release a new version (--bump auto)")


def changelog_entry(version: str, date: dt.date, previous: str | None, change) -> str:
    lines = [f"## {version} ({date.isoformat()})", ""]
    if change is None:
        lines.append("First release.")
    else:
        summary = summarize(change)
        lines.append(f"What changed for a reader since {previous}:")
        lines.append("")
        lines += [f"- {line}" for line in summary] or ["- no value a reader sees changed"]
        lines += ["", f"Details ({change.bump} change):", ""]
        lines += [f"- {reason}" for reason in change.reasons] or ["- no data changes"]
        details = render_text(change, limit=20).splitlines()[1:]
        if details:
            lines += ["", "```", *details, "```"]
    return "\n".join(lines) + "\n"


def _seal(package: Path) -> None:
    """SHA256SUMS of every file, then every file read-only: a published version is not edited in place."""
    files = sorted(p for p in package.rglob("*") if p.is_file())
    sums = "".join(f"{file_sha256(p)}  {p.relative_to(package).as_posix()}\n" for p in files)
    (package / SUMS).write_text(sums, encoding="utf-8")
    _freeze(package)


def _freeze(package: Path) -> None:
    """Files read-only, folders as the umask makes them: a published version is not edited in place."""
    for path in [package, *package.rglob("*")]:
        path.chmod((0o444 if path.is_file() else 0o777) & ~umask())


def _index_record(path: Path, archive: Path, version: str, date: dt.date, rows: dict) -> dict:
    return {
        "version": version,
        "date": date.isoformat(),
        "path": f"{version}/",
        "datapackage_sha256": file_sha256(path / "datapackage.json"),
        "rows": rows,
        "zip": {"path": archive.name, "bytes": archive.stat().st_size, "sha256": file_sha256(archive)},
    }


def _index_text(index: dict, record: dict, name: str) -> str:
    index = {"name": name, **index}
    index["versions"] = sorted([*index.get("versions", []), record], key=lambda v: _key(v["version"]))
    index["latest"] = index["versions"][-1]["version"]
    return json.dumps(index, indent=2) + "\n"


def _changelog_text(path: Path, entry: str) -> str:
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n\n"
    head, _, rest = old.partition("\n\n")
    return f"{head}\n\n{entry}\n{rest}".rstrip("\n") + "\n"
