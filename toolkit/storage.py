"""Writing folders so that no reader and no kill ever sees half of one.

Every publishing step (build, release, download, cache) works the same way:
  1. take the lock of the folder it writes into (`locked`), so two runs never interleave;
  2. remove what killed runs left behind there (`clear_stale`);
  3. write everything into a fresh staging folder beside the target (`new_staging`),
     created with the user's umask;
  4. fsync every file and folder of it (`fsync_tree`);
  5. swap it with the target in one step (`swap_in`: renameat2 RENAME_EXCHANGE where
     the kernel has it; otherwise two renames that `clear_stale` can always undo);
  6. remove the staging folder, which now holds the old copy.
A kill at any instant leaves either the old or the new target whole, plus a staging
folder the next run removes. `crashpoint` lets the tests kill a run at each of these steps.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
import signal
import threading
from pathlib import Path

CRASH_ENV = "PRISONER_DATA_CRASH_AT"
"""Test hook: the name of a crashpoint at which the process kills itself with SIGKILL."""

_held: dict[str, int] = {}
_held_guard = threading.Lock()


def crashpoint(name: str) -> None:
    """Die here, as `kill -9` would, when PRISONER_DATA_CRASH_AT names this point (tests only)."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def locked(directory: Path, on_wait=None):
    """Hold an exclusive lock on `directory` (flock on the folder itself: no lock file to leave behind).

    Re-entrant within one process, so a release may run a build in the same project.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    key = str(directory.resolve())
    with _held_guard:
        if key in _held:
            _held[key] += 1
            fd = None
        else:
            fd = os.open(key, os.O_RDONLY)
    if fd is None:
        try:
            yield
        finally:
            with _held_guard:
                _held[key] -= 1
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"waiting for another prisoner-data process writing in {directory}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        with _held_guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_guard:
                del _held[key]
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def new_staging(parent: Path, label: str) -> Path:
    """A new empty folder `.LABEL.staging-PID-RANDOM` in `parent`, with the mode the umask gives."""
    parent.mkdir(parents=True, exist_ok=True)
    path = parent / f".{label}.staging-{os.getpid()}-{secrets.token_hex(4)}"
    os.mkdir(path, 0o777)
    return path


def _stale_pattern(label: str) -> re.Pattern:
    # this module's staging and swap folders, and the mkdtemp-named ones earlier versions left
    return re.compile(rf"^\.{re.escape(label)}\.(?:staging-(?P<pid>\d+)-[0-9a-f]+|old-(?P<old>\d+)|[a-z0-9_]{{8}})$")


def clear_stale(parent: Path, label: str, target: Path | None = None, only_dead: bool = False) -> list[Path]:
    """Remove what killed runs left beside `parent/label`; call it holding `locked(parent)`.

    If a two-rename swap was cut between its renames, the target is missing and its
    old copy is put back first, so the target is whole again before anything is deleted.
    With `only_dead`, staging of a process that is still running is left alone (for folders
    used after their lock is released).
    """
    target = target or parent / label
    pattern = _stale_pattern(label)
    found = sorted(p for p in parent.iterdir() if pattern.match(p.name)) if parent.is_dir() else []
    if only_dead:
        found = [p for p in found if not _alive(int(pattern.match(p.name).group("pid") or 0))]
    olds = [p for p in found if pattern.match(p.name).group("old")]
    if olds and not target.exists():
        os.rename(olds[-1], target)
        fsync_dir(parent)
        found.remove(olds[-1])
    for path in found:
        remove_tree(path)
    return found


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_tree(path: Path) -> None:
    """Delete a folder even when a release made its files read-only (unlinking needs the folder writable)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        for sub in [path, *path.rglob("*")]:
            if sub.is_dir() and not sub.is_symlink():
                os.chmod(sub, 0o700)
        shutil.rmtree(path)


def fsync_tree(root: Path) -> None:
    """fsync every file and folder under `root`, deepest first, then `root` itself."""
    for directory, _, files in os.walk(root, topdown=False):
        for name in files:
            _fsync_path(os.path.join(directory, name), os.O_RDONLY)
        fsync_dir(Path(directory))


def fsync_dir(directory: Path) -> None:
    _fsync_path(str(directory), os.O_RDONLY | os.O_DIRECTORY)


def _fsync_path(path: str, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(staging: Path, target: Path) -> None:
    """Make `staging` the target in one step; afterwards `staging` holds the old target (or nothing)."""
    if not target.exists():
        os.rename(staging, target)
        fsync_dir(target.parent)
        return
    if _exchange(staging, target):
        fsync_dir(target.parent)
        return
    # No atomic exchange on this system: two renames. A kill between them leaves the old copy
    # as .LABEL.old-PID, which clear_stale() puts back before it removes anything.
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.rename(target, old)
    crashpoint("swap:between-renames")
    os.rename(staging, target)
    os.rename(old, staging)
    fsync_dir(target.parent)


_renameat2 = None


def _exchange(a: Path, b: Path) -> bool:
    """renameat2(RENAME_EXCHANGE) on Linux; False where the kernel, libc or filesystem lacks it."""
    global _renameat2
    if _renameat2 is None:
        try:
            function = ctypes.CDLL(None, use_errno=True).renameat2
            function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            _renameat2 = function
        except (AttributeError, OSError):
            _renameat2 = False
    if not _renameat2:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if _renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def atomic_write(path: Path, data: bytes | str, staging: Path | None = None) -> None:
    """Replace one file in one step, durably; the temporary copy lives in `staging` if given."""
    path = Path(path)
    data = data.encode("utf-8") if isinstance(data, str) else data
    folder = staging or path.parent
    temporary = folder / f".{path.name}.staging-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    fsync_dir(path.parent)


def umask() -> int:
    """The process umask (read by setting and restoring it, once)."""
    global _umask
    if _umask is None:
        _umask = os.umask(0o022)
        os.umask(_umask)
    return _umask


_umask: int | None = None
