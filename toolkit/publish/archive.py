"""One-file releases: a deterministic zip of a release folder, and its safe extraction.

The zip holds `NAME-VERSION/<every file of the release>` in sorted order, each with a fixed
timestamp and mode, so the same release gives the same bytes. Extraction refuses, before writing
anything, entries that are absolute, climb out with `..`, are links or devices, or repeat a name,
and archives whose total uncompressed size or compression ratio is implausible; the extracted
folder is then verified against its SHA256SUMS like any downloaded release.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from ..errors import DownloadError

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
MAX_UNCOMPRESSED = 4 << 30
"""Largest total uncompressed size accepted (4 GiB)."""
MAX_RATIO = 200
"""Largest compression ratio accepted for an entry (text compresses 5-20x; a bomb, thousands)."""
MAX_ENTRIES = 10_000


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


def extract_zip(path: Path, target: Path, display: str | None = None) -> Path:
    """Extract the release zip at `path` into the empty folder `target`; return the release folder inside.

    Every entry is checked before the first byte is written."""
    display = display or str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DownloadError(f"not a readable zip archive ({exc}); refused", path=display) from exc
    with archive:
        entries = archive.infolist()
        top = _check_entries(entries, display)
        for info in entries:
            if info.is_dir():
                continue
            destination = target.joinpath(*PurePosixPath(info.filename).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                _copy_bounded(archive, info, destination, display)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                raise DownloadError(f"the archive entry {info.filename!r} is damaged ({exc}); refused",
                                    path=display) from exc
    return target / top if top else target


def _check_entries(entries: list[zipfile.ZipInfo], display: str) -> str | None:
    if len(entries) > MAX_ENTRIES:
        raise DownloadError(f"the archive has {len(entries):,} entries; refused", path=display)
    seen, tops, total = set(), set(), 0
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
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            raise DownloadError(f"the archive entry {name!r} would expand {info.file_size // max(info.compress_size, 1)}"
                                f" times; refused as a zip bomb, nothing was written", path=display)
    if total > MAX_UNCOMPRESSED:
        raise DownloadError(f"the archive would unpack to {total:,} bytes, more than {MAX_UNCOMPRESSED:,}; refused, "
                            "nothing was written", path=display)
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
