"""Fetch a published release, verify every byte, validate it, and only then move it into place.

SOURCE is an http(s) URL or a local path, of a release folder or of an index.json
(then --version picks the version, default the latest). What may be fetched and
written is fixed before the first data byte is read:
- only datapackage.json, SHA256SUMS and the files the descriptor names, and SHA256SUMS
  must list exactly those; every path relative, inside the package, never a link;
- the target is --to, or `NAME-VERSION` in the current folder when both parts are plain
  slugs (a release cannot name a path); nothing is written outside the target, its
  staging folder beside it (`.TARGET.staging-*`, removed or renamed into the target)
  and the cache;
- every file is read up to its declared size and no further, within the deadlines and
  origin rules of `fetch.Fetcher`.
Verified packages are kept in a cache (PRISONER_DATA_CACHE, else ~/.cache/prisoner-data),
keyed by the sha256 of their descriptor; a cached copy is used only after the same checks
as a fresh download and a fresh comparison of every file with SHA256SUMS.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from ..archive import extract_zip, unlisted_entries
from ..errors import DownloadError, InvalidData, UsageError
from ..hashing import file_sha256
from ..ingest.jsonio import JSONInputError, parse_json
from ..ingest.yamlio import LineDict, nearest_hint
from ..packagefiles import INDEX_KEYS, INDEX_VERSION_KEYS, SUMS, VERSION, latest_version, parse_sums
from ..storage import clear_stale, crashpoint, fsync_tree, locked, new_staging, remove_tree, swap_in
from .fetch import (DEFAULT_TIMEOUT, HASHES, MAX_DESCRIPTOR_BYTES, MAX_INDEX_BYTES, MAX_SUMS_BYTES, Fetcher, is_url,
                    join, relative_name)
from .release import parse_version

NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
CANONICAL_INDEX = "https://raw.githubusercontent.com/prisoner-data/belarus-2025/main/releases/index.json"
"""The published releases/index.json (schemas/package.yaml's `index_url`; a test keeps the two equal)."""
MAX_ZIP_BYTES = 1 << 30
"""Largest release zip read when no index declares its size (1 GiB)."""
LEGACY_COMPANION = "CHANGELOG.md"
MAX_UNDECLARED_BYTES = 16 << 20
"""Most bytes read of a named file whose size the descriptor does not declare (16 MiB)."""


@dataclass
class Downloaded:
    path: Path
    version: str
    from_cache: bool
    files: int


@dataclass
class Plan:
    """Everything known about a release before its data files are fetched."""

    base: str
    version: str | None
    descriptor: bytes = b""
    meta: dict = field(default_factory=dict)
    sums: dict[str, str] = field(default_factory=dict)
    sums_text: bytes = b""
    files: dict[str, tuple[int, str | None, str | None]] = field(default_factory=dict)  # name -> bytes, algo, digest
    promised: list[str] = field(default_factory=list)
    expected_sha: str | None = None

    @property
    def key(self) -> str:
        return hashlib.sha256(self.descriptor).hexdigest()


def cache_root() -> Path:
    override = os.environ.get("PRISONER_DATA_CACHE")
    if override:
        return Path(override)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "prisoner-data"


def default_index() -> str:
    """Where to look when no SOURCE is given: PRISONER_DATA_INDEX, else the canonical published index."""
    return os.environ.get("PRISONER_DATA_INDEX") or CANONICAL_INDEX


def fetch_release(source: str | None = None, *, check, version: str | None = None, to: Path | None = None,
                  trusted: bool = False, progress=None, use_cache: bool = True, timeout: float = DEFAULT_TIMEOUT,
                  archive: bool = False) -> Downloaded:
    """Download, verify and `check` a release; return where it was placed.

    `check(descriptor, trusted=..., promised=...)` returns the Report of the package whose
    datapackage.json is `descriptor` (the pipeline passes the validator's `validate_package`).

    Steps:
      1. resolve SOURCE (default: the canonical index) to a release location, through index.json if
         given one, within the origin rules; a zip (SOURCE, or the index's with `archive`) is fetched
         within its size, checked against the index's sha256, and unpacked safely under the cache;
      2. read datapackage.json and SHA256SUMS (bounded), match the descriptor with the index, and check
         that its files are safe, sized, and exactly what SHA256SUMS lists;
      3. choose the target (--to, or the slug NAME-VERSION) and lock the folder it goes into;
      4. serve from the cache if this descriptor was verified before and every cached file still matches;
      5. otherwise fetch each file into staging, no more than its declared bytes, checking its hashes;
      6. check the package, including every resource the index promises;
      7. store it in the cache and move it into place in one rename.
    """
    if version is not None and parse_version(version, "--version", latest=True) == "latest":
        version = None  # the index's latest, as without --version
    source = _normal_source(source or default_index())
    fetcher = Fetcher(source, trusted=trusted, timeout=timeout, progress=progress)
    unpacked = None
    try:
        if source.lower().endswith(".zip") or archive:
            unpacked, folder = _unpack(fetcher, source, version)
            fetcher = Fetcher(str(folder), timeout=max(1.0, fetcher.remaining()), progress=progress)
            plan = _plan(fetcher, str(folder), version)
        else:
            plan = _plan(fetcher, source, version)
        return _download(fetcher, plan, to, trusted, use_cache, check)
    finally:
        if unpacked is not None:
            remove_tree(unpacked)


SOURCES = "a release folder, a release zip, or an index.json (a URL or a path)"


def _normal_source(source: str) -> str:
    """What a person means by SOURCE: a file:// URL is its path; a local datapackage.json is its release
    folder; a local folder with an index.json and no release of its own (releases/) is that index. A
    local path that is none of these is a usage error that says what would be."""
    if source.lower().startswith("file://"):
        source = urllib.parse.unquote(urllib.parse.urlsplit(source).path) or "/"
    if is_url(source):
        return source
    path = Path(source)
    if not path.exists():
        raise UsageError(f"no such file or folder; expected {SOURCES}", path=source,
                         hint="without SOURCE, the published index is used: `prisoner-data download`")
    if path.is_file() and path.name == "datapackage.json":
        return str(path.parent)
    if path.is_dir() and not (path / "datapackage.json").exists():
        if (path / "index.json").is_file():
            return str(path / "index.json")
        if (path / "releases" / "index.json").is_file():
            return str(path / "releases" / "index.json")
        raise UsageError(f"this folder holds neither a release (datapackage.json) nor an index (index.json); "
                         f"expected {SOURCES}", path=source,
                         hint=f"try `prisoner-data download {path / 'index.json'}` if it is a releases folder")
    return source


def _download(fetcher: Fetcher, plan: Plan, to: Path | None, trusted: bool, use_cache: bool, check) -> Downloaded:
    target = Path(to) if to else Path.cwd() / _slug(plan)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise DownloadError(f"{target} exists and is not empty; nothing was written", path=target,
                            hint="choose another --to directory or remove it")
    with locked(target.parent):
        clear_stale(target.parent, target.name, target)
        staging = new_staging(target.parent, target.name)
        try:
            from_cache = use_cache and _from_cache(plan, staging)
            if not from_cache:
                _fetch_all(fetcher, plan, staging)
                _check(staging, plan, trusted, check)
                if use_cache:
                    _store_in_cache(staging, plan)
            fsync_tree(staging)
            crashpoint("download:before-place")
            if target.exists():
                target.rmdir()  # empty, checked above
            os.rename(staging, target)
            crashpoint("download:after-place")
        finally:
            if staging.exists():
                remove_tree(staging)
    return Downloaded(target, plan.version or "unversioned", from_cache, _count(target))


# --- 1-2: what the release is -------------------------------------------------------------------

def _unpack(fetcher: Fetcher, source: str, version: str | None) -> tuple[Path, Path]:
    """Fetch a release zip (bounded, checked against the index's sha256) and unpack it under the cache.

    Returns the staging folder (for the caller to remove) and the release folder inside it."""
    size, digest, location = -MAX_ZIP_BYTES, None, source
    if not source.lower().endswith(".zip"):
        index = _parse(fetcher.read(source, MAX_INDEX_BYTES, "the index"), source, "the index")
        _check_index(index, source)
        chosen = version or index.get("latest") or latest_version(index)
        record = next((v for v in index["versions"] if v.get("version") == chosen), None)
        entry = record.get("zip") if record else None
        if not isinstance(entry, dict) or relative_name(str(entry.get("path"))):
            raise DownloadError(f"the index lists no zip for version {chosen}", path=source, value=str(chosen),
                                hint="download the release folder instead (leave out --zip)")
        location, digest = join(_dirname(source), entry["path"]), entry.get("sha256")
        size = entry.get("bytes") if isinstance(entry.get("bytes"), int) else size
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    with locked(root):
        clear_stale(root, "unpack", only_dead=True)
        staging = new_staging(root, "unpack")
    try:
        got = fetcher.save(location, staging / "release.zip", size, ("sha256",))
        if digest and got["sha256"] != digest:
            raise DownloadError("the zip does not match the sha256 the index publishes for it; refused",
                                path=location, hint="the release was altered after publication")
        (staging / "files").mkdir()
        extra, has_sums = unlisted_entries(staging / "release.zip", display=location)
        if not has_sums:
            raise DownloadError(f"the zip holds no readable {SUMS} at its top: it is not a release; refused, nothing "
                                "was unpacked", path=location)
        if extra:
            raise DownloadError(f"the zip holds files {SUMS} does not list ({', '.join(extra[:5])}); refused, "
                                "nothing was unpacked", path=location,
                                hint="a release holds only the files its datapackage.json names")
        folder = extract_zip(staging / "release.zip", staging / "files", display=location)
        _only_listed(folder, location)
    except BaseException:
        remove_tree(staging)
        raise
    return staging, folder


def _only_listed(folder: Path, location: str) -> None:
    """An unpacked release holds its descriptor, SHA256SUMS and the files SHA256SUMS lists: nothing else."""
    if not (folder / "datapackage.json").is_file() or not (folder / SUMS).is_file():
        raise DownloadError("the zip holds no release (datapackage.json and SHA256SUMS at its top); refused",
                            path=location)
    try:
        listed = set(parse_sums((folder / SUMS).read_text(encoding="utf-8"))) | {SUMS}
    except (ValueError, UnicodeDecodeError) as exc:
        raise DownloadError(f"the zip's {SUMS} is malformed; refused", path=location) from exc
    extra = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and p.relative_to(folder).as_posix() not in listed)
    if extra:
        raise DownloadError(f"the zip holds files {SUMS} does not list ({', '.join(extra[:5])}); refused",
                            path=location, hint="a release holds only the files its datapackage.json names")



def _plan(fetcher: Fetcher, source: str, version: str | None) -> Plan:
    plan = _resolve(fetcher, source, version)
    descriptor_url = join(plan.base, "datapackage.json")
    plan.descriptor = fetcher.read(descriptor_url, MAX_DESCRIPTOR_BYTES, "datapackage.json")
    if plan.expected_sha and plan.key != plan.expected_sha:
        raise DownloadError("datapackage.json does not match the sha256 the index publishes for it; refused",
                            path=descriptor_url, hint="the release was altered after publication")
    plan.meta = _parse(plan.descriptor, descriptor_url, "datapackage.json")
    _check_descriptor(plan, fetcher, descriptor_url)
    sums_url = join(plan.base, SUMS)
    plan.sums_text = fetcher.read(sums_url, MAX_SUMS_BYTES, SUMS)
    _check_sums(plan, sums_url)
    return plan


def _resolve(fetcher: Fetcher, source: str, version: str | None) -> Plan:
    """The release's base location, version, expected descriptor sha256 and promised resources."""
    if source.endswith(".json"):
        index = _parse(fetcher.read(source, MAX_INDEX_BYTES, "the index"), source, "the index")
        _check_index(index, source)
        chosen = version or index.get("latest") or latest_version(index)
        record = next((v for v in index["versions"] if v.get("version") == chosen), None)
        if record is None:
            known = ", ".join(str(v.get("version")) for v in index["versions"]) or "none"
            raise DownloadError(f"version {chosen} is not in {source} (published: {known})", value=str(chosen))
        path = record.get("path", f"{chosen}/")
        reason = relative_name(str(path).rstrip("/"))
        if reason == "points to a URL":
            fetcher.check_location(str(path), f"the index entry of {chosen}")
            base = str(path)
        elif reason:
            raise DownloadError(f"the index entry of {chosen} names a path that {reason}: {path!r}; refused",
                                path=source, value=str(path))
        else:
            base = join(_dirname(source), str(path))
        rows = record.get("rows") if isinstance(record.get("rows"), dict) else {}
        return Plan(_folder(base), chosen, promised=sorted(rows), expected_sha=record.get("datapackage_sha256"))
    if version and not source.rstrip("/").endswith(version):
        return Plan(_folder(join(source, f"{version}/")), version)  # SOURCE is the releases/ folder
    return Plan(_folder(source), version)


def _folder(location: str) -> str:
    return location if not is_url(location) or location.endswith("/") else location + "/"


def _dirname(location: str) -> str:
    if is_url(location):
        return location.rsplit("/", 1)[0] + "/"
    return str(Path(location).parent)


def _parse(data: bytes, location: str, what: str):
    try:
        document = parse_json(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DownloadError(f"{what} is not UTF-8 text; refused", path=location) from exc
    except JSONInputError as exc:
        raise DownloadError(f"{what} is not valid JSON ({exc.message}); refused", path=location,
                            line=exc.line) from exc
    _refuse_duplicates(document, location, what)
    return document


def _refuse_duplicates(document, location: str, what: str) -> None:
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, LineDict):
            if item.duplicate_keys:
                key, line = item.duplicate_keys[0]
                raise DownloadError(f"{what} gives key '{key}' twice, so it can be read two ways; refused",
                                    path=location, line=line)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _check_index(index, source: str) -> None:
    if not isinstance(index, LineDict) or not isinstance(index.get("versions"), list):
        raise DownloadError("the index has no 'versions' list; refused", path=source)
    for key in index:
        if key not in INDEX_KEYS:
            raise DownloadError(f"the index has an unknown key '{key}' ({nearest_hint(key, INDEX_KEYS)}); refused",
                                path=source, line=index.line_of(key))
    for record in index["versions"]:
        if not isinstance(record, LineDict) or not isinstance(record.get("version"), str):
            raise DownloadError("each version of the index needs a 'version'", path=source,
                                line=getattr(record, "line", None))
        for key in record:
            if key not in INDEX_VERSION_KEYS:
                raise DownloadError(f"version {record['version']} of the index has an unknown key '{key}' "
                                    f"({nearest_hint(key, INDEX_VERSION_KEYS)}); refused", path=source,
                                    line=record.line_of(key))


def _check_descriptor(plan: Plan, fetcher: Fetcher, location: str) -> None:
    meta = plan.meta
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list) or not meta["resources"]:
        raise DownloadError("the descriptor lists no resources: there is nothing to download; refused",
                            path=location)
    if plan.version and meta.get("version") not in (None, plan.version):
        raise DownloadError(f"the descriptor says version {meta.get('version')!r}, the index {plan.version!r}; "
                            "refused", path=location)
    plan.version = plan.version or (meta.get("version") if isinstance(meta.get("version"), str) else None)
    for entry, what in _named_files(meta, location):
        name = entry.get("path")
        reason = relative_name(name)
        if reason == "points to a URL" and fetcher.trusted:
            fetcher.check_location(name, what)  # scheme still http(s); reported by validate, never fetched
            continue
        if reason:
            raise DownloadError(f"refused: the package names a path that {reason}: {name!r}", path=location,
                                value=str(name), hint="a release's files must be plain relative paths inside it")
        size = entry.get("bytes", None)
        if size is None:
            size = -MAX_UNDECLARED_BYTES  # read up to the cap; the file may be shorter
        elif not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise DownloadError(f"{what} ({name}) declares {size!r} bytes, not a size; refused", path=location,
                                value=str(name))
        algorithm, digest = _declared_hash(entry.get("hash"), name, location)
        plan.files[name] = (size, algorithm, digest)


def _named_files(meta: dict, location: str):
    for index, resource in enumerate(meta["resources"]):
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            raise DownloadError(f"resource #{index + 1} needs one path (a string); refused", path=location)
        yield resource, f"resource '{resource.get('name')}'"
        if isinstance(resource.get("parquet"), dict):
            yield resource["parquet"], f"the Parquet copy of '{resource.get('name')}'"
    if isinstance(meta.get("expectations"), dict):
        yield meta["expectations"], "the expectation suite"
    companions = meta.get("companions")
    if companions is None and isinstance(meta.get("version"), str):
        # releases made before descriptors named their companions carry a changelog beside them
        yield {"path": LEGACY_COMPANION, "bytes": None}, "the changelog"
        return
    if companions is not None and not isinstance(companions, list):
        raise DownloadError("'companions' must be a list of files; refused", path=location)
    for entry in companions or []:
        if not isinstance(entry, dict):
            raise DownloadError("each companion file needs a path and bytes; refused", path=location)
        yield entry, f"companion file {entry.get('path')!r}"


def _declared_hash(value, name: str, location: str) -> tuple[str | None, str | None]:
    """A descriptor hash as (algorithm, hex digest); a bare digest is md5, as the Data Package spec says."""
    if value is None:
        return None, None
    algorithm, _, digest = str(value).rpartition(":")
    algorithm = algorithm or "md5"
    if algorithm not in HASHES or not re.fullmatch(r"[0-9a-f]+", digest):
        raise DownloadError(f"{name}: hash {value!r} is not one of {', '.join(HASHES)}; refused", path=location)
    return algorithm, digest


def _check_sums(plan: Plan, location: str) -> None:
    try:
        plan.sums = parse_sums(plan.sums_text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        number = exc.args[0] if isinstance(exc, ValueError) and exc.args and isinstance(exc.args[0], int) else None
        raise DownloadError(f"{SUMS} line {number} is malformed" if number else f"{SUMS} is not text",
                            path=location, line=number) from exc
    if LEGACY_COMPANION in plan.files and plan.meta.get("companions") is None and LEGACY_COMPANION not in plan.sums:
        del plan.files[LEGACY_COMPANION]  # an old release without a changelog
    expected = set(plan.files) | {"datapackage.json"}
    extra, missing = sorted(set(plan.sums) - expected), sorted(expected - set(plan.sums))
    if extra:
        raise DownloadError(f"{SUMS} lists files the descriptor does not name ({', '.join(extra[:5])}); refused",
                            path=location, hint="a release holds only the files its datapackage.json names")
    if missing:
        raise DownloadError(f"{SUMS} does not list {', '.join(missing[:5])}; refused", path=location)
    if plan.sums["datapackage.json"] != plan.key:
        raise DownloadError("datapackage.json does not match SHA256SUMS; refused", path=location)


def _slug(plan: Plan) -> str:
    name, version = plan.meta.get("name"), plan.version
    if not isinstance(name, str) or not NAME.match(name) or not isinstance(version, str) \
            or not VERSION.match(version):
        raise DownloadError(f"the release names itself {name!r} version {version!r}, which is not a plain "
                            "name and MAJOR.MINOR.PATCH; refused to use it as a folder name",
                            hint="pass --to DIR to choose where it goes")
    return f"{name}-{version}"


# --- 4-7: files, cache, validation --------------------------------------------------------------

def _fetch_all(fetcher: Fetcher, plan: Plan, staging: Path) -> None:
    (staging / "datapackage.json").write_bytes(plan.descriptor)
    (staging / SUMS).write_bytes(plan.sums_text)
    for name in sorted(plan.files):
        size, algorithm, digest = plan.files[name]
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        algorithms = ("sha256",) + ((algorithm,) if algorithm and algorithm != "sha256" else ())
        got = fetcher.save(join(plan.base, name), target, size, algorithms)  # size < 0: at most -size bytes
        if got["sha256"] != plan.sums[name]:
            raise DownloadError(f"{name} does not match its sha256 in {SUMS}; refused, nothing was written",
                                path=join(plan.base, name), hint="the published file was altered or damaged")
        if algorithm and got[algorithm] != digest:
            raise DownloadError(f"{name} does not match its {algorithm} in datapackage.json; refused, nothing "
                                "was written", path=join(plan.base, name))


def _check(staging: Path, plan: Plan, trusted: bool, check) -> None:
    report = check(staging / "datapackage.json", trusted=trusted, promised=plan.promised)
    if not report.valid:
        raise InvalidData(f"the downloaded package is invalid ({len(report.errors)} errors); nothing was written",
                          report)


def _from_cache(plan: Plan, staging: Path) -> bool:
    """Copy a verified cached copy of this exact descriptor into staging, if every file still matches."""
    cached = cache_root() / plan.key
    if not (cached / "datapackage.json").is_file():
        return False
    expected = set(plan.files) | {"datapackage.json", SUMS}
    present = {p.relative_to(cached).as_posix() for p in cached.rglob("*") if not p.is_dir() or p.is_symlink()}
    if present != expected or any(p.is_symlink() for p in cached.rglob("*")):
        return False
    if (cached / SUMS).read_bytes() != plan.sums_text:
        return False
    if any(file_sha256(cached / name) != digest for name, digest in plan.sums.items()):
        return False
    shutil.copytree(cached, staging, dirs_exist_ok=True)
    return True


def _store_in_cache(staging: Path, plan: Plan) -> None:
    root = cache_root()
    with locked(root):
        clear_stale(root, plan.key)
        work = new_staging(root, plan.key)
        try:
            shutil.copytree(staging, work / "copy")
            fsync_tree(work)
            swap_in(work / "copy", root / plan.key)
        finally:
            remove_tree(work)


def _count(directory: Path) -> int:
    return sum(1 for p in directory.rglob("*") if p.is_file())
