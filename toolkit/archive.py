"""One-file releases: a deterministic zip of a release folder, and its safe extraction.

The zip holds `NAME-VERSION/<every file of the release>` in sorted order, each with a fixed
timestamp and mode, so the same release gives the same bytes. Before writing anything, extraction
reads every entry's header and refuses entries that are absolute, climb out with `..`, are links
or devices, or repeat a name, and archives that would unpack to more than MAX_UNCOMPRESSED bytes
(4 GiB) or expand more than MAX_RATIO times, as a whole or in any entry over 64 KiB. The release's
own SHA256SUMS is read (bounded) before anything else is written, so the entries it does not list
are known first: a download refuses them, a validation reports them, and neither writes them.
The extracted folder is then verified against its SHA256SUMS like any downloaded release.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .errors import DownloadError
from .packagefiles import SUMS, parse_sums

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
MAX_UNCOMPRESSED = 4 << 30
"""Largest total uncompressed size accepted (4 GiB)."""
MAX_RATIO = 200
"""Largest compression ratio accepted for an entry over RATIO_FROM bytes, and for the whole archive
(text compresses 5-20x; a bomb, thousands)."""
RATIO_FROM = 64 << 10
MAX_ENTRIES = 10_000
MAX_SUMS = 1 << 20
"""Largest SHA256SUMS read from inside an archive."""


def write_zip(folder: Path, target: Path, top: str) -> None:
    """Zip every file of `folder` under `top/`, deterministically."""
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=FIXED_TIME)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the platform that built it
            with path.open("rb") as handle:
                archive.writestr(info, handle.read(), compresslevel=9)


def extract_zip(path: Path, target: Path, display: str | None = None, exclude=frozenset()) -> Path:
    """Extract the release zip at `path` into the empty folder `target`; return the release folder inside.

    Every entry is checked before the first byte is written; the entries named in `exclude` (those
    `unlisted_entries` found) are never written."""
    display = display or str(path)
    with _checked(path, display) as (archive, entries, top):
        for info in entries:
            if info.is_dir() or info.filename in exclude:
                continue
            destination = target.joinpath(*PurePosixPath(info.filename).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                _copy_bounded(archive, info, destination, display)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                raise DownloadError(f"the archive entry {info.filename!r} is damaged ({exc}); refused",
                                    path=display) from exc
    return target / top if top else target


@contextlib.contextmanager
def _checked(path: Path, display: str):
    """The open archive, its entries and its one top folder (or None), every entry checked first."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DownloadError(f"not a readable zip archive ({exc}); refused", path=display) from exc
    with archive:
        entries = archive.infolist()
        yield archive, entries, _check_entries(entries, display)


def _check_entries(entries: list[zipfile.ZipInfo], display: str) -> str | None:
    if len(entries) > MAX_ENTRIES:
        raise DownloadError(f"the archive has {len(entries):,} entries; refused", path=display)
    seen, tops, total, packed = set(), set(), 0, 0
    for info in entries:
        name = info.filename
        parts = PurePosixPath(name).parts
        if not name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts \
                or "\\" in name or any(ord(c) < 32 for c in name):
            raise DownloadError(f"the archive entry {name!r} leaves the folder it unpacks into; refused, nothing "
                                "was written", path=display)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR) and info.create_system == 3:
            raise DownloadError(f"the archive entry {name!r} is a link or device, not a file; refused, nothing was "
                                "written", path=display)
        if name.rstrip("/") in seen:
            raise DownloadError(f"the archive holds {name!r} twice; refused", path=display)
        seen.add(name.rstrip("/"))
        tops.add(parts[0])
        total += info.file_size
        packed += info.compress_size
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > RATIO_FROM:
            raise DownloadError(f"the archive entry {name!r} would expand {info.file_size // max(info.compress_size, 1)}"
                                f" times; refused as a zip bomb, nothing was written", path=display)
    if total > MAX_UNCOMPRESSED:
        raise DownloadError(f"the archive would unpack to {total:,} bytes, more than {MAX_UNCOMPRESSED:,}; refused, "
                            "nothing was written", path=display)
    if total > MAX_RATIO * max(packed, 1) and total > RATIO_FROM:
        raise DownloadError(f"the archive would expand {total // max(packed, 1)} times as a whole ({total:,} bytes); "
                            "refused as a zip bomb, nothing was written", path=display)
    return tops.pop() if len(tops) == 1 and not any(len(PurePosixPath(n).parts) == 1 and not n.endswith("/")
                                                       for n in seen) else None


def _copy_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, destination: Path, display: str) -> None:
    """Write an entry, reading no more than the size its header declares (a lying header is caught here)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    written = 0
    with archive.open(info) as source, os.fdopen(os.open(destination, flags, 0o666), "wb") as out:
        while block := source.read(1 << 16):
            written += len(block)
            if written > info.file_size:
                raise DownloadError(f"the archive entry {info.filename!r} holds more than it declares; refused",
                                    path=display)
            out.write(block)


def unlisted_entries(path: Path, display: str | None = None) -> tuple[list[str], bool]:
    """The file entries of a release zip that its own SHA256SUMS does not list, found before anything is
    written; and whether the zip holds a readable SHA256SUMS at all (without one, every file is unlisted)."""
    display = display or str(path)
    with _checked(path, display) as (archive, entries, top):
        prefix = f"{top}/" if top else ""
        files = [i for i in entries if not i.is_dir()]
        sums = next((i for i in files if i.filename == prefix + SUMS), None)
        listed: set[str] = set()
        if sums is not None and sums.file_size <= MAX_SUMS:
            try:
                with archive.open(sums) as handle:
                    listed = set(parse_sums(handle.read(MAX_SUMS + 1).decode("utf-8")))
            except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError):
                sums = None
        else:
            sums = None
        allowed = {prefix + name for name in listed} | {prefix + SUMS}
        return [i.filename for i in files if i.filename not in allowed], sums is not None
