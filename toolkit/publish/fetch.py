"""Read files of a published release, over HTTP(S) or from a folder, within fixed bounds and one origin.

What a hostile server or release cannot make this module do:
- read more than a file's declared size (small files: `MAX_INDEX_BYTES`, `MAX_DESCRIPTOR_BYTES`,
  `MAX_SUMS_BYTES`); a longer body is cut off and refused;
- take longer than the deadline: `CONNECT_TIMEOUT` to connect, `READ_TIMEOUT` for any one read,
  and the whole download's `timeout` (a server sending a byte every few seconds is cut off at
  the deadline, or at most one read timeout after it);
- follow a redirect to another scheme, host or port (unless trusted), or more than `MAX_REDIRECTS`;
- decompress what the server compressed (`Accept-Encoding: identity`, bodies are never decoded);
- follow a symlink, or read a device or FIFO, inside a local release folder.
"""

from __future__ import annotations

import hashlib
import http
import os
import stat
import time
import urllib.parse
from pathlib import Path, PurePosixPath

from ..errors import DownloadError

CHUNK = 1 << 16
MAX_INDEX_BYTES = 4 << 20
"""Largest releases/index.json read (4 MiB)."""
MAX_DESCRIPTOR_BYTES = 16 << 20
"""Largest datapackage.json read (16 MiB)."""
MAX_SUMS_BYTES = 1 << 20
"""Largest SHA256SUMS read (1 MiB)."""
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
DEFAULT_TIMEOUT = 900.0
"""Seconds a whole download may take unless --timeout says otherwise."""
MAX_REDIRECTS = 5
HASHES = ("md5", "sha1", "sha256", "sha512")


def is_url(location: str) -> bool:
    return urllib.parse.urlparse(location).scheme in ("http", "https")


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlparse(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def join(base: str, name: str) -> str:
    if is_url(base):
        return urllib.parse.urljoin(base if base.endswith("/") else base + "/", name)
    return str(Path(base) / name)


def relative_name(name) -> str | None:
    """Why a path named by a release may not be used, or None when it is a plain relative path inside it."""
    if not isinstance(name, str) or not name:
        return "is not a file name"
    if is_url(name) or "://" in name:
        return "points to a URL"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "is absolute"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "leaves the package directory"
    if any(ord(c) < 32 for c in name) or any(p.startswith(".") and p not in (".",) for p in parts):
        return "names a hidden or control-character file"
    return None


class Fetcher:
    """Reads release files from one origin (a URL or a folder) within a shared deadline."""

    def __init__(self, source: str, *, trusted: bool = False, timeout: float = DEFAULT_TIMEOUT, progress=None):
        self.trusted, self.progress = trusted, progress
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.origin = origin(source) if is_url(source) else None
        self.root = None if is_url(source) else Path(source)
        self._pool = None

    # --- policy ---------------------------------------------------------------------------------

    def check_location(self, location: str, what: str) -> None:
        """Refuse a URL on another origin (unless trusted) and any scheme but http(s)."""
        if not is_url(location):
            if "://" in location:
                raise DownloadError(f"{what} uses a scheme other than http(s): {location}; refused", path=location)
            return
        if self.origin is None or origin(location) != self.origin:
            if not self.trusted:
                raise DownloadError(f"{what} is on another host or scheme than the release: {location}; refused",
                                    path=location, hint="pass --trusted only if you trust that host")

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise DownloadError(f"the download took longer than {self.timeout:g} s and was stopped; nothing was "
                                "written", hint="try again, or raise --timeout on a slow connection")
        return left

    # --- reading --------------------------------------------------------------------------------

    def read(self, location: str, limit: int, what: str) -> bytes:
        """A whole small file, at most `limit` bytes."""
        chunks, size = [], 0
        for block in self._blocks(location, limit, what):
            chunks.append(block)
            size += len(block)
        return b"".join(chunks)

    def save(self, location: str, target: Path, size: int, algorithms=("sha256",)) -> dict[str, str]:
        """Write exactly `size` bytes (or, for a negative size, at most -size) to the new file `target`.

        Returns the digests of what was written."""
        digests = {name: hashlib.new(name) for name in algorithms}
        exact, size = size >= 0, abs(size)
        received = 0
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(target, flags, 0o666), "wb") as out:
            for block in self._blocks(location, size, target.name, exact):
                out.write(block)
                received += len(block)
                for digest in digests.values():
                    digest.update(block)
                if self.progress:
                    self.progress(target.name, len(block), size)
        if exact and received != size:
            raise DownloadError(f"the transfer ended after {received} of {size} bytes; nothing was written",
                                path=location, hint="run the same command again")
        return {name: digest.hexdigest() for name, digest in digests.items()}

    def _blocks(self, location: str, limit: int, what: str, exact: bool = False):
        if is_url(location):
            yield from self._http_blocks(location, limit, what, exact)
        else:
            yield from self._file_blocks(Path(location), limit, what, exact)

    def _file_blocks(self, path: Path, limit: int, what: str, exact: bool):
        self._refuse_links(path)
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except FileNotFoundError as exc:
            raise DownloadError(f"{path} does not exist", path=path) from exc
        except OSError as exc:
            raise DownloadError(f"cannot read {path}: {exc.strerror}", path=path) from exc
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise DownloadError("not a regular file; refused", path=path)
            if exact and info.st_size != limit:
                raise _wrong_size(what, info.st_size, limit, path)
            received = 0
            while block := handle.read(min(CHUNK, limit + 1 - received)):
                received += len(block)
                if received > limit:
                    raise DownloadError(f"{what} is larger than the {limit:,} bytes it may have; refused", path=path)
                yield block

    def _refuse_links(self, path: Path) -> None:
        """No component of a file inside the release folder may be a symbolic link."""
        root = self.root if self.root is not None and self.root.is_dir() else path.parent
        try:
            inside = path.relative_to(root)
        except ValueError:
            inside = PurePosixPath(path.name)
            root = path.parent
        current = root
        for part in inside.parts:
            current = current / part
            if current.is_symlink():
                raise DownloadError(f"{current} is a symbolic link; a release holds plain files only; refused",
                                    path=current)

    def _http_blocks(self, url: str, limit: int, what: str, exact: bool):
        response = self._open(url, what)
        try:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and (int(declared) > limit or exact and int(declared) != limit):
                raise _wrong_size(what, int(declared), limit, url)
            received = 0
            while True:
                try:  # read1: whatever has arrived, so a trickling server meets the deadline check below
                    block = response.read1(min(CHUNK, limit + 1 - received), decode_content=False)
                except Exception as exc:  # urllib3 raises its own timeout and protocol errors here
                    raise _interrupted(url, exc) from exc
                if not block:
                    break
                received += len(block)
                if received > limit:
                    raise DownloadError(f"{what} sent more than its {limit:,} declared bytes; refused", path=url)
                yield block
                self.remaining()
        finally:
            response.release_conn()
            response.close()

    def _open(self, url: str, what: str):
        import urllib3

        if self._pool is None:
            self._pool = urllib3.PoolManager(retries=False, headers={"Accept-Encoding": "identity",
                                                                     "User-Agent": "prisoner-data"})
        self.check_location(url, what)
        visited = [url]
        for _ in range(MAX_REDIRECTS + 1):
            timeout = urllib3.Timeout(connect=min(CONNECT_TIMEOUT, self.remaining()),
                                      read=min(READ_TIMEOUT, self.remaining()))
            try:
                response = self._pool.request("GET", url, preload_content=False, redirect=False, timeout=timeout,
                                              decode_content=False)
            except Exception as exc:  # urllib3: connection refused, timeouts, TLS and protocol errors
                raise _unreachable(url, exc) from exc
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                _discard(response)
                url = urllib.parse.urljoin(url, location)
                if url in visited:
                    raise DownloadError(f"the server redirects {what} in a loop ({' -> '.join([*visited, url])}); "
                                        "refused", path=visited[0], hint="the server is misconfigured; report it "
                                                                          "to whoever publishes the release")
                visited.append(url)
                self.check_location(url, f"a redirect for {what}")
                continue
            if response.status != 200:
                _discard(response)
                raise DownloadError(_http_message(response.status), path=url, hint="check the URL and the version")
            return response
        raise DownloadError(f"more than {MAX_REDIRECTS} redirects for {what} ({' -> '.join(visited)}); refused",
                            path=visited[0], hint="a release is served from its own address; use the last one")


DISCARD_LIMIT = 64 << 10
"""A response that is not used (a redirect, an error page) is read to its end up to this size, so its
connection can serve the next request; a longer or unsized one closes its connection instead."""


def _discard(response) -> None:
    """Finish with a response whose body is not wanted: an HTTP/1.1 connection given back to the pool
    with its answer unread makes the next request on it fail ("ResponseNotReady")."""
    declared = response.headers.get("Content-Length")
    try:
        if declared and declared.isdigit() and int(declared) <= DISCARD_LIMIT:
            response.drain_conn()
            response.release_conn()
            return
    except Exception:  # noqa: BLE001 - a body that breaks off while discarded: close the connection below
        pass
    response.close()  # the connection is not reused; the pool opens a new one


def _wrong_size(what: str, size: int, limit: int, location) -> DownloadError:
    return DownloadError(f"{what} is {size:,} bytes, but {limit:,} were declared; refused, nothing was written",
                         path=location, hint="the published file was altered or damaged")


def _http_message(code: int) -> str:
    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = "error"
    return f"HTTP {code} {phrase}"


def _unreachable(url: str, exc: Exception) -> DownloadError:
    """Why a server could not be reached, in words: not the connection pool's repr."""
    import urllib3.exceptions as errors

    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port}" if parts.port else host
    text = str(exc).lower()
    # urllib3's NewConnectionError (refused, unreachable) is a ConnectTimeoutError too: test it first
    if isinstance(exc, errors.NameResolutionError) or "resolve" in text:
        why = f"cannot reach {host}: the name does not resolve (no network here, or a mistyped host)"
    elif "refused" in text:
        why = f"cannot reach {where}: the connection was refused (no server listening there)"
    elif isinstance(exc, errors.NewConnectionError):
        why = f"cannot reach {where}: {_reason(exc).split(': ')[-1]}"
    elif isinstance(exc, errors.ConnectTimeoutError):
        why = f"cannot reach {where}: no answer within {CONNECT_TIMEOUT:g} s (offline, or a firewall)"
    elif isinstance(exc, errors.SSLError):
        why = f"cannot reach {host}: the TLS handshake failed ({_reason(exc)})"
    elif isinstance(exc, errors.TimeoutError):
        why = f"{where} stopped answering (no data within {READ_TIMEOUT:g} s)"
    else:
        why = f"cannot reach {where}: {type(exc).__name__}"
    return DownloadError(why, path=url, hint="check the connection and the address, or download from a copy you "
                                             "have: `prisoner-data download PATH` (a release folder, zip or "
                                             "index.json), or set PRISONER_DATA_INDEX")


def _reason(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    return " ".join(str(reason).split())[:200]


def _interrupted(url: str, exc: Exception) -> DownloadError:
    return DownloadError(f"download of {url} was interrupted ({_reason(exc)}); nothing was written", path=url,
                         hint="run the same command again")
