"""Fetch a published release, verify every byte, validate it, and only then move it into place.

SOURCE is an http(s) URL or a local path, of a release directory or of an
index.json (then --version picks the version, default the latest). Files go to
a staging directory beside the target; a failed or interrupted download
removes it, so nothing half-written is ever left. Verified packages are kept
in a cache (PRISONER_DATA_CACHE, else ~/.cache/prisoner-data) and a second
download of the same version is served from there.
"""

from __future__ import annotations

import hashlib
import http
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import DownloadError, InvalidData
from ..hashing import file_sha256
from .release import SUMS, latest_version, parse_sums
from ..validate.package import unsafe_path

CHUNK = 1 << 16
TIMEOUT = 30


@dataclass
class Downloaded:
    path: Path
    version: str
    from_cache: bool
    files: int


def cache_root() -> Path:
    override = os.environ.get("PRISONER_DATA_CACHE")
    if override:
        return Path(override)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "prisoner-data"


def download_release(source: str, *, version: str | None = None, to: Path | None = None, trusted: bool = False,
                     progress=None, use_cache: bool = True) -> Downloaded:
    """Download, verify and validate a release; return where it was placed.

    Steps:
      1. resolve SOURCE to a release location (through index.json if given one);
      2. fetch datapackage.json and SHA256SUMS, and refuse unsafe paths unless trusted;
      3. serve from the cache if this exact descriptor was verified before;
      4. fetch every file into staging, checking size and sha256 against both;
      5. validate the package;
      6. move it into place (and into the cache) in one rename each.
    """
    base, version, expected = _resolve(source, version)
    descriptor_bytes = _fetch_bytes(_join(base, "datapackage.json"))
    if expected and hashlib.sha256(descriptor_bytes).hexdigest() != expected:
        raise DownloadError("datapackage.json does not match the sha256 the index publishes for it; refused",
                            path=_join(base, "datapackage.json"), hint="the release was altered after publication")
    meta = _parse_descriptor(descriptor_bytes, base)
    version = version or meta.get("version") or "unversioned"
    target = Path(to) if to else Path.cwd() / f"{meta.get('name', 'package')}-{version}"
    if target.exists() and any(target.iterdir()):
        raise DownloadError(f"{target} exists and is not empty; nothing was written", path=target,
                            hint="choose another --to directory or remove it")
    key = hashlib.sha256(descriptor_bytes).hexdigest()
    cached = cache_root() / key[:24]
    if use_cache and (cached / "datapackage.json").is_file() and _verify_tree(cached):
        _place(cached, target, copy=True)
        return Downloaded(target, version, True, _count(target))
    sums_text = _fetch_bytes(_join(base, SUMS)).decode("utf-8")
    sums = _parse_sums(sums_text, meta, base, trusted)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=_parent(target)))
    try:
        _fetch_all(base, sums, staging, descriptor_bytes, sums_text, progress)
        _check_against_descriptor(staging, trusted)
        _validate(staging, trusted)
        if use_cache:
            _store_in_cache(staging, cached)
        _place(staging, target, copy=False)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Downloaded(target, version, False, _count(target))


def _resolve(source: str, version: str | None) -> tuple[str, str | None, str | None]:
    """The release's base location, its version and descriptor sha256 when an index names them."""
    if source.endswith("index.json"):
        try:
            index = json.loads(_fetch_bytes(source))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DownloadError(f"{source} is not a valid index (invalid JSON)", path=source) from exc
        chosen = version or index.get("latest") or latest_version(index)
        record = next((v for v in index.get("versions", []) if v["version"] == chosen), None)
        if record is None:
            known = ", ".join(v["version"] for v in index.get("versions", [])) or "none"
            raise DownloadError(f"version {chosen} is not in {source} (published: {known})", value=chosen)
        return _join(_dirname(source), record.get("path", f"{chosen}/")), chosen, record.get("datapackage_sha256")
    if version and not source.rstrip("/").endswith(version):
        return _join(source, f"{version}/"), version, None  # SOURCE is the releases/ folder
    if _is_url(source) and not source.endswith("/"):
        source += "/"  # so that file names join under it, not beside it
    return source, version, None


def _is_url(source: str) -> bool:
    return urllib.parse.urlparse(source).scheme in ("http", "https")


def _join(base: str, name: str) -> str:
    if _is_url(base):
        return urllib.parse.urljoin(base if base.endswith("/") else base + "/", name)
    return str(Path(base) / name)


def _dirname(location: str) -> str:
    if _is_url(location):
        return location.rsplit("/", 1)[0] + "/"
    return str(Path(location).parent)


def _fetch_bytes(location: str) -> bytes:
    if not _is_url(location):
        path = Path(location)
        if not path.is_file():
            raise DownloadError(f"{location} does not exist", path=location)
        return path.read_bytes()
    try:
        with urllib.request.urlopen(location, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise DownloadError(_http_message(exc), path=location, hint="check the URL and the version") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise DownloadError(f"cannot reach the server: {getattr(exc, 'reason', exc)}", path=location) from exc


def _http_message(exc: urllib.error.HTTPError) -> str:
    try:
        phrase = http.HTTPStatus(exc.code).phrase
    except ValueError:
        phrase = exc.reason
    return f"HTTP {exc.code} {phrase}"


def _parse_descriptor(data: bytes, base: str) -> dict:
    try:
        meta = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DownloadError(f"{_join(base, 'datapackage.json')} is not valid JSON", path=base) from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        raise DownloadError("the descriptor has no resources list", path=base)
    return meta


def _descriptor_paths(meta: dict) -> list[str]:
    paths = []
    for resource in meta["resources"]:
        paths.append(resource.get("path"))
        if isinstance(resource.get("parquet"), dict):
            paths.append(resource["parquet"].get("path"))
    if isinstance(meta.get("expectations"), dict):
        paths.append(meta["expectations"].get("path"))
    return paths


def _parse_sums(text: str, meta: dict, base: str, trusted: bool) -> dict[str, str]:
    try:
        sums = parse_sums(text)
    except ValueError as exc:
        number = exc.args[0]
        raise DownloadError(f"{SUMS} line {number} is malformed", path=_join(base, SUMS), line=number) from exc
    probe = Path(tempfile.gettempdir()) / "prisoner-data-probe"
    for path in [*sums, *_descriptor_paths(meta)]:
        reason = unsafe_path(path, probe) if isinstance(path, str) else "is not a string"
        if reason and not (trusted and reason == "points to a URL"):
            raise DownloadError(f"refused: the package names a path that {reason}: {path!r}", path=base,
                                value=str(path), hint="only download packages you trust with --trusted")
    missing = [p for p in _descriptor_paths(meta) if p not in sums and not _is_url(p)]
    if missing:
        raise DownloadError(f"{SUMS} does not list {', '.join(missing)}", path=_join(base, SUMS))
    return sums


def _fetch_all(base: str, sums: dict, staging: Path, descriptor: bytes, sums_text: str, progress) -> None:
    (staging / "datapackage.json").write_bytes(descriptor)
    (staging / SUMS).write_text(sums_text, encoding="utf-8")
    for name, digest in sums.items():
        if name == "datapackage.json":
            if hashlib.sha256(descriptor).hexdigest() != digest:
                raise DownloadError("datapackage.json does not match SHA256SUMS; refused", path=base)
            continue
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        actual = _fetch_file(_join(base, name), target, progress)
        if actual != digest:
            raise DownloadError(f"{name} does not match its sha256 in {SUMS}; refused, nothing was written",
                                path=_join(base, name), hint="the published file was altered or damaged")


def _fetch_file(location: str, target: Path, progress) -> str:
    digest = hashlib.sha256()
    if not _is_url(location):
        shutil.copyfile(location, target)
        return file_sha256(target)
    try:
        with urllib.request.urlopen(location, timeout=TIMEOUT) as response, target.open("wb") as out:
            expected = int(response.headers.get("Content-Length") or 0)
            received = 0
            for block in iter(lambda: response.read(CHUNK), b""):
                out.write(block)
                digest.update(block)
                received += len(block)
                if progress:
                    progress(target.name, len(block), expected)
    except urllib.error.HTTPError as exc:
        raise DownloadError(_http_message(exc) + "; nothing was written", path=location) from exc
    except (urllib.error.URLError, OSError, ConnectionError) as exc:
        raise DownloadError(f"download of {location} was interrupted: {exc}; nothing was written", path=location,
                            hint="run the same command again") from exc
    if expected and received != expected:
        raise DownloadError(f"download of {location} stopped after {received} of {expected} bytes; nothing was "
                            "written", path=location, hint="run the same command again")
    return digest.hexdigest()


def _check_against_descriptor(staging: Path, trusted: bool) -> None:
    from ..validate.package import validate_package

    report = validate_package(staging / "datapackage.json", spec=False, rules=False, trusted=trusted)
    mismatched = [i for i in report.errors if i.type in ("hash-mismatch", "bytes-mismatch", "missing-file")]
    if mismatched:
        raise DownloadError(f"refused: {mismatched[0].message}", path=mismatched[0].file)


def _validate(staging: Path, trusted: bool) -> None:
    from ..validate.package import validate_package

    report = validate_package(staging / "datapackage.json", trusted=trusted)
    if not report.valid:
        raise InvalidData(f"the downloaded package is invalid ({len(report.errors)} errors); nothing was written",
                          report)


def _verify_tree(directory: Path) -> bool:
    sums = directory / SUMS
    if not sums.is_file():
        return False
    try:
        listed = parse_sums(sums.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return all((directory / name).is_file() and file_sha256(directory / name) == digest
               for name, digest in listed.items())


def _store_in_cache(staging: Path, cached: Path) -> None:
    cached.parent.mkdir(parents=True, exist_ok=True)
    if cached.exists():
        shutil.rmtree(cached)
    temporary = Path(tempfile.mkdtemp(prefix=".cache-", dir=cached.parent))
    shutil.copytree(staging, temporary, dirs_exist_ok=True)
    os.rename(temporary, cached)


def _parent(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.parent


def _place(source: Path, target: Path, copy: bool) -> None:
    if target.exists():
        target.rmdir()  # empty, checked above
    if copy:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=_parent(target)))
        try:
            shutil.copytree(source, staging, dirs_exist_ok=True)
            os.rename(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    else:
        os.rename(source, target)


def _count(directory: Path) -> int:
    return sum(1 for p in directory.rglob("*") if p.is_file())
