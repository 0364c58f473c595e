"""Which files a contribution changes, so a report can put the contributor's own problems first, and
which of the problems elsewhere those changes caused.

The files a pull request changes are those that differ between its base and the working tree:
committed since the merge base with `base`, and modified or new since the last commit. Paths are
relative to the project root, as every Issue's `file` is.

A problem in a file the contribution does not touch can still be its doing: a spelling removed from
the registry leaves the claims of other articles that use it unresolved; a claim id renamed leaves
a curator decision listing an id that is gone. `attribute_causes` finds such problems by reading the
changed file as it was at the base, and puts an error on the change itself (the registry entry, the
claims file) naming the lines elsewhere it broke; each problem it explains says which change did it.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..errors import UsageError
from ..report import Issue, Report

REGISTRY = "seeds/registry.yaml"
UNRESOLVED = ("unknown-entity", "probable-variant")
"""Problems of a claim whose spelling or id the registry does not resolve (any more)."""
LISTED = 20
"""Lines a cause's annotation names; the rest are counted (each keeps its own annotation)."""
ID_FIELDS = ("subject", "scope", "population")
"""Claim fields that take a registry id, not a spelling."""
MISSING_CLAIMS = re.compile(r"lists claims that do not exist: ([a-z0-9, -]+)")


def changed_files(root: Path, base: str) -> set[str]:
    """Files under `root` that differ from `base` (a branch, tag or commit), committed or not."""
    if base.startswith("-"):  # git would take it as an option (--output=FILE writes a file)
        raise UsageError(f"--changed-since takes a branch, tag or commit, not an option: {base!r}", path=root,
                         hint="e.g. --changed-since origin/main")
    commit = _git(root, "rev-parse", "--verify", "--end-of-options", f"{base}^{{commit}}").strip()
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    committed = _git(root, "diff", "--name-only", "--no-renames", "-z", f"{commit}...HEAD", "--", ".")
    pending = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".")
    paths = {p for p in committed.split("\0") if p}
    entries = pending.split("\0")
    paths |= {entry[3:] for entry in entries if len(entry) > 3}
    return {p[len(prefix):] if p.startswith(prefix) else p for p in paths}


def attribute_causes(root: Path, base: str, report: Report, contributed: set[str]) -> None:
    """Annotate on the change that caused it each problem in a file the contribution does not touch.

    Two causes are recognised: the registry at `base` resolved a spelling or id that claims elsewhere
    use and the changed registry does not (an alias removed, an entry removed or renamed); and a claims
    file at `base` held a claim id that a decision elsewhere lists and the changed file does not. Each
    cause becomes one error on the changed file, at the entry or line responsible, listing the lines it
    broke; each problem it explains gets the cause appended to its message."""
    commit = _git(root, "rev-parse", "--verify", "--end-of-options", f"{base}^{{commit}}").strip()
    elsewhere = [i for i in report.issues if i.severity == "error" and i.file not in contributed]
    causes: dict[tuple, list[Issue]] = defaultdict(list)
    if REGISTRY in contributed:
        for issue, cause in _registry_causes(root, commit, elsewhere):
            causes[cause].append(issue)
    for issue, cause in _claim_id_causes(root, commit, elsewhere, contributed):
        causes[cause].append(issue)
    if not causes:
        return
    explained = {}
    for (file, line, what), issues in sorted(causes.items()):
        lines = [f"{i.file}:{i.line}" for i in sorted(issues, key=lambda i: (i.file or "", i.line or 0))]
        where = ", ".join(lines[:LISTED]) + (f" and {len(lines) - LISTED} more" if len(lines) > LISTED else "")
        report.add("breaks-elsewhere", f"this change {what}; {len(issues)} problem(s) in files this contribution "
                   f"does not change follow from it: {where}", file=file, line=line,
                   hint="undo this part of the change, or change those lines too")
        for issue in issues:
            explained[id(issue)] = f" (caused by this contribution: {file}:{line} {what})"
    report.issues[:] = [replace(i, message=i.message + explained[id(i)]) if id(i) in explained else i
                        for i in report.issues]


def _registry_causes(root: Path, commit: str, issues: list[Issue]):
    """(issue, (file, line, what)) for each unresolved spelling the base's registry resolved."""
    unresolved = [i for i in issues if i.type in UNRESOLVED and i.value]
    if not unresolved:
        return
    before, now = _registry_at(root, commit), _registry_at(root, None)
    if before is None or now is None:
        return
    for issue in unresolved:
        was, still = _lookup(before, issue), _lookup(now, issue)
        if was is None or still is not None:
            continue
        old = before.get(was)
        if was in now:
            yield issue, (REGISTRY, now.get(was).line, f"removes '{issue.value}' from {was}")
            continue
        renamed = next((e for e in now.entities.values() if e.kind == old.kind and e.name == old.name), None)
        if renamed is not None:
            yield issue, (REGISTRY, renamed.line, f"renames {was} to {renamed.id}")
        else:
            yield issue, (REGISTRY, min(old.line, _last_line(root / REGISTRY)),
                          f"removes the entry {was} (line {old.line} before)")


def _lookup(registry, issue: Issue) -> str | None:
    """The entity a problem's value stands for in `registry`: an id where the field takes one (subject,
    scope, population), else any spelling the registry resolves."""
    if issue.field in ID_FIELDS:
        return issue.value if issue.value in registry else None
    return registry.resolve(issue.value).entity_id


def _registry_at(root: Path, commit: str | None):
    """The registry as loaded from the working tree (`commit` None) or from a commit; None if it has errors."""
    from ..ingest.entities import load_registry
    from ..project import Project

    if commit is None:
        project = Project(root)
        registry = load_registry(project, Report())
        return registry
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    try:
        text = _git(root, "show", f"{commit}:{prefix}{REGISTRY}")
    except UsageError:
        return None  # no registry at the base
    with tempfile.TemporaryDirectory(prefix="prisoner-data-base-") as scratch:
        (Path(scratch) / "seeds").mkdir()
        (Path(scratch) / REGISTRY).write_text(text, encoding="utf-8")
        return load_registry(Project(Path(scratch)), Report())


def _claim_id_causes(root: Path, commit: str, issues: list[Issue], contributed: set[str]):
    """(issue, (file, line, what)) for each claim id a decision lists that a changed claims file had at base."""
    missing = {}
    for issue in issues:
        found = MISSING_CLAIMS.search(issue.message)
        if found:
            missing[id(issue)] = (issue, [c.strip() for c in found.group(1).split(",") if c.strip()])
    changed = sorted(f for f in contributed if f.startswith("seeds/claims/") and f.endswith(".yaml"))
    if not missing or not changed:
        return
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    had: dict[str, tuple[str, int]] = {}
    for path in changed:
        try:
            text = _git(root, "show", f"{commit}:{prefix}{path}")
        except UsageError:
            continue  # new in this contribution
        for number, line in enumerate(text.splitlines(), 1):
            match = re.match(r"\s*-\s+id:\s*['\"]?([a-z0-9][a-z0-9-]*)", line)
            if match:
                had[match.group(1)] = (path, number)
    for issue, ids in missing.values():
        for claim_id in ids:
            if claim_id in had:
                path, number = had[claim_id]
                yield issue, (path, min(number, _last_line(root / path)), f"removes or renames claim {claim_id} "
                              f"(line {number} before)")
                break


def _last_line(path: Path) -> int:
    try:
        return max(1, path.read_text(encoding="utf-8").count("\n"))
    except OSError:
        return 1


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed", path=root) from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"cannot tell which files changed: {message}", path=root,
                           hint="give a branch, tag or commit the checkout has, e.g. --changed-since origin/main "
                                "(in a shallow CI checkout, fetch the base first)")
    return done.stdout


def uncommitted_files(root: Path, folders: tuple[str, ...]) -> list[str] | None:
    """Files under `folders` of `root` that differ from the last commit (modified, staged or new), or
    None when `root` is not in a git checkout (or git is not installed): then no one can tell."""
    try:
        done = subprocess.run(["git", "-C", str(root), "status", "--porcelain=v1", "-z", "--untracked-files=all",
                               "--no-renames", "--", *folders], capture_output=True, text=True, timeout=60)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    prefix = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True,
                            text=True, timeout=60).stdout.strip()
    paths = sorted(entry[3:] for entry in done.stdout.split("\0") if len(entry) > 3)
    return [p[len(prefix):] if p.startswith(prefix) else p for p in paths]
