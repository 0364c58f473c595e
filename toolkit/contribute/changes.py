"""Which files a contribution changes, so a report can put the contributor's own problems first.

The files a pull request changes are those that differ between its base and the working tree:
committed since the merge base with `base`, and modified or new since the last commit. Paths are
relative to the project root, as every Issue's `file` is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import UsageError


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
