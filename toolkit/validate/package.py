"""Validate a built data package: descriptor, files, cells, keys, Parquet twins, cross-field rules.

Steps, each adding Issues to one Report (nothing stops at the first problem):
  1. read datapackage.json and check it against the Data Package spec (frictionless, in spec.py);
  2. refuse paths that are absolute, leave the package or point to a URL;
  3. check each file's bytes and hash (streamed);
  4. the engine checks every table: each cell against its schema, unique primary keys, foreign
     keys, and the cross-field rules (engines/: pyarrow by default, streaming in batches);
  5. check each Parquet twin has the declared types and the same rows as its CSV (streamed).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..hashing import file_digest
from ..ingest.jsonio import load_json, walk_duplicates
from ..ingest.schemas import check_table_schema, foreign_keys
from ..ingest.yamlio import report_unknown_keys
from ..packagefiles import PARQUET_DESCRIPTOR
from ..report import Issue, Report
from ..workers import background
from .engines import TableInput
from .spec import check_spec

DEFAULT_MAX_BYTES = None
"""No file is too large to validate: tables are streamed. `download` keeps its own caps for untrusted
releases, and `--max-bytes` sets one here."""
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
HASH_ALGORITHMS = ("md5", "sha1", "sha256", "sha512")
MAX_DESCRIPTOR_BYTES = 16 << 20

RESOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DESCRIPTOR_KEYS = {"$schema", "name", "id", "title", "description", "homepage", "version", "created", "keywords",
                   "image", "licenses", "contributors", "sources", "resources", "profile", "expectations", "companions"}
RESOURCE_KEYS = {"name", "type", "path", "data", "profile", "title", "description", "homepage", "sources",
                 "licenses", "format", "mediatype", "encoding", "bytes", "hash", "scheme", "dialect", "schema",
                 "parquet", "$schema"}


def validate_package(descriptor: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, trusted: bool = False,
                     spec: bool = True, rules: bool = True, promised=(), engine: str = "pyarrow") -> Report:
    """Validate the package described by `descriptor` (a datapackage.json) with the named engine.

    `promised` names resources the package must have (those an index lists for it); the
    resources its own expectation suite names are required too. `rules=False` skips the
    cross-field rules (the build checks its own output that way).
    """
    from .engines import get_engine

    report = Report()
    meta = read_descriptor(descriptor, report)
    if meta is None:
        return report
    spec_check = check_spec(meta, background("spec")) if spec else None  # frictionless, while tables are read
    later: list = []  # file hashes being computed
    base = descriptor.parent
    twins = _twins(base, meta, report, trusted)
    tables, pairs = [], []
    for resource in meta.get("resources") or []:
        path = _check_file(base, resource, "resource", resource, report, max_bytes, trusted, later)
        twin = twins.get(resource["name"])
        if twin is None and isinstance(resource.get("parquet"), dict):  # releases up to 1.0.0
            twin = {**resource["parquet"], "schema": resource["schema"]}
        twin_path = _check_file(base, resource, "parquet", twin, report, max_bytes, trusted, later) if twin else None
        if path is None:
            continue
        table = TableInput(resource, path, budget=_budget(path) if resource.get("format") == "parquet" else None)
        tables.append(table)
        if twin_path is not None and resource.get("format") != "parquet":
            pairs.append((table, twin, twin_path))
    chosen = get_engine(engine)
    csv_tables = [t for t in tables if not t.parquet]
    parquet_tables = [t for t in tables if t.parquet]
    results = chosen.check(csv_tables, report, digests={t.name for t, _, _ in pairs}, rules=rules) if csv_tables else {}
    if parquet_tables:  # the Parquet descriptor's own resources: read by the pyarrow engine, batch by batch
        results.update(get_engine("pyarrow").check(parquet_tables, report, rules=rules))
    for table, twin, twin_path in pairs:
        _check_twin(table, twin, twin_path, results.get(table.name), report)
    _check_companions(base, meta, report, max_bytes, trusted, set(promised))
    if spec_check is not None:
        report.extend(spec_check.result())
    for future in later:
        report.extend(future.result())
    if descriptor.name != "datapackage.json":  # the checks call the descriptor by its usual name; say the one given
        report.issues = [_renamed(issue, descriptor.name) for issue in report.issues]
    return report


def _renamed(issue: Issue, name: str) -> Issue:
    if issue.file != "datapackage.json":
        return issue
    return replace(issue, file=name, message=issue.message.replace("datapackage.json", name))


DECLARED_IN = "\0declared-in"
"""Key a twin's resource entry carries: the descriptor it was read from (no JSON key can be this)."""


def _budget(path: Path) -> int:
    """The most a Parquet file may decode to: far more than any honest table of its size."""
    return 8 * path.stat().st_size + (64 << 20)


def _check_companions(base: Path, meta: dict, report: Report, max_bytes, trusted, promised: set[str]) -> None:
    suite = None
    if isinstance(meta.get("expectations"), dict):
        suite = _check_file(base, {"name": "expectations"}, "expectations", meta["expectations"], report, max_bytes,
                            trusted)
    for entry in meta.get("companions") or []:
        _check_file(base, {"name": str(entry.get("path"))}, "companions", entry, report, max_bytes, trusted)
    _check_promised(meta, promised | _suite_resources(suite, report), report)


def read_descriptor(descriptor: Path, report: Report) -> dict | None:
    """datapackage.json, read within bounds; every resource needs a name, one path and an inline schema."""
    name = descriptor.name
    if not descriptor.is_file():
        report.add("missing-descriptor", f"{descriptor} does not exist", file=name)
        return None
    meta = load_json(descriptor, report, name, max_bytes=MAX_DESCRIPTOR_BYTES)
    if meta is None:
        return None
    walk_duplicates(meta, report, name)
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        report.add("invalid-descriptor", f"{name} must be an object with a 'resources' list", file=name, line=1)
        return None
    if not meta["resources"]:
        report.add("empty-package", f"{name} lists no resources: the package holds no data", file=name,
                   line=meta.line_of("resources"), field="resources",
                   hint="a package needs at least the tables its schemas promise")
    report_unknown_keys(meta, DESCRIPTOR_KEYS, _Warnings(report), name)
    _check_companion_entries(meta, report, name)
    kept = []
    for index, resource in enumerate(meta["resources"]):
        problem = _resource_problem(resource)
        if problem:
            report.add("invalid-resource", f"resource #{index + 1} {problem}", file=name,
                       line=getattr(resource, "line", meta.line_of("resources")), field=f"resources[{index}]")
            continue
        before = len(report.errors)
        check_table_schema(resource["schema"], report, name)
        if len(report.errors) > before:
            continue  # a schema that cannot be enforced: its table is not read
        report_unknown_keys(resource, RESOURCE_KEYS, _Warnings(report), name, f" in resource '{resource['name']}'")
        kept.append(resource)
    _check_references(kept, {r.get("name") for r in meta["resources"] if isinstance(r, dict)}, report, name)
    meta["resources"] = kept
    return meta


def _check_references(resources: list[dict], listed: set, report: Report, name: str) -> None:
    """Each foreign key references a resource of the package, by fields it has (a key the engines skip
    otherwise: it cannot be checked)."""
    fields_of = {r["name"]: {f.get("name") for f in r["schema"]["fields"]} for r in resources}
    for resource in resources:
        for fk in foreign_keys(resource["name"], resource["schema"]):
            target = fk.resource
            missing = [f for f in fk.reference if f not in fields_of.get(target, ())]
            where = dict(file=name, line=fk.line, resource=resource["name"], field="schema.foreignKeys")
            if target not in listed:
                report.add("invalid-schema", f"resource '{resource['name']}': a foreign key references resource "
                           f"'{target[:80]}', which the package does not have", **where)
            elif target in fields_of and missing:
                report.add("invalid-schema", f"resource '{resource['name']}': a foreign key references "
                           f"'{target}', which has no field {missing[0][:80]!r}", **where)


def _check_companion_entries(meta: dict, report: Report, name: str) -> None:
    """`companions` is a list of files (objects with a path), `expectations` one such object; what is
    not is reported and left out, so no later step reads it."""
    if "expectations" in meta and not isinstance(meta["expectations"], dict):
        report.add("invalid-descriptor", f"{name}: 'expectations' must be an object with a path", file=name,
                   line=meta.line_of("expectations"), field="expectations")
        del meta["expectations"]
    companions = meta.get("companions")
    if companions is None:
        return
    if not isinstance(companions, list):
        report.add("invalid-descriptor", f"{name}: 'companions' must be a list of files, each an object with a "
                   "path", file=name, line=meta.line_of("companions"), field="companions")
        meta["companions"] = []
        return
    for index, entry in enumerate(companions):
        if not isinstance(entry, dict):
            report.add("invalid-descriptor", f"{name}: companion #{index + 1} must be an object with a path",
                       file=name, line=meta.line_of("companions"), field=f"companions[{index}]")
    meta["companions"] = [entry for entry in companions if isinstance(entry, dict)]


def companion_paths(meta: dict) -> set[str]:
    """The paths a descriptor lists among its companions (whatever shape the rest of it has)."""
    companions = meta.get("companions") if isinstance(meta, dict) else None
    return {c["path"] for c in companions if isinstance(c, dict) and isinstance(c.get("path"), str)} \
        if isinstance(companions, list) else set()


class _Warnings:
    """A Report view that files unknown descriptor keys as warnings: the spec allows custom properties."""

    def __init__(self, report: Report):
        self.report = report

    def add(self, type_, message, **where):
        return self.report.add(type_, message + " (not a Data Package property; ignored)", severity="warning",
                               **where)


def _resource_problem(resource) -> str | None:
    if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
        return "needs a name"
    if not RESOURCE_NAME.match(resource["name"]):
        return f"has a name {resource['name'][:60]!r} that is not lowercase letters, digits, '-', '_' and '.'"
    if not isinstance(resource.get("path"), str):
        return "needs one path (a string)"
    if not isinstance(resource.get("schema"), dict):
        return "needs an inline schema"
    if "parquet" in resource and not isinstance(resource["parquet"], dict):
        return "has a 'parquet' that is not an object with a path (the Parquet copy, as releases up to 1.0.0 name it)"
    return None


def _suite_resources(suite: Path | None, report: Report) -> set[str]:
    if suite is None:
        return set()
    document = load_json(suite, Report(), suite.name)
    suites = document.get("suites") if isinstance(document, dict) else None
    return set(suites) if isinstance(suites, dict) else set()


def _check_promised(meta: dict, promised: set[str], report: Report) -> None:
    present = {r["name"] for r in meta["resources"]}
    for name in sorted(promised - present):
        report.add("missing-resource", f"the package has no resource '{name}', which its index or expectation "
                   "suite promises", file="datapackage.json", line=getattr(meta, "line_of", lambda k: None)("resources"),
                   resource=name,
                   hint="the package is incomplete; download or rebuild it")


def unsafe_path(path: str, base: Path) -> str | None:
    """Why a resource path may not be followed, or None when it is safe."""
    if any(ord(c) < 32 for c in path) or not path:
        return "is empty or has control characters"
    if URL.match(path):
        return "points to a URL"
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        return "is absolute"
    if ".." in PurePosixPath(path.replace("\\", "/")).parts:
        return "leaves the package directory"
    if not (base / path).resolve().is_relative_to(base.resolve()):
        return "leaves the package directory"
    return None


def _check_file(base: Path, resource: dict, key: str, entry: dict, report: Report, max_bytes, trusted,
                later: list | None = None) -> Path | None:
    path = entry.get("path")
    # where the entry is written: its descriptor (a twin's is the Parquet one) and its line there
    where = dict(file=entry.get(DECLARED_IN, "datapackage.json"), line=getattr(entry, "line", None) or None,
                 resource=resource["name"], field=f"{key}.path", value=str(path))
    reason = unsafe_path(path, base) if isinstance(path, str) else "is not a string"
    if reason == "points to a URL" and trusted:
        report.add("remote-resource", f"resource '{resource['name']}' is on another host and was not checked",
                   severity="info", **where)
        return None
    if reason:
        report.add("unsafe-path", f"resource '{resource['name']}': path {path!r} {reason}; refused",
                   hint="paths must be relative and stay inside the package directory (--trusted allows only "
                        "URLs, and never reads them)" if reason == "points to a URL" else
                        "paths must be relative and stay inside the package directory", **where)
        return None
    target = base / path
    if not target.is_file():
        report.add("missing-file", f"resource '{resource['name']}': {path} does not exist", **where)
        return None
    size = target.stat().st_size
    if max_bytes is not None and size > max_bytes:
        report.add("file-too-large", f"{path} is {size:,} bytes, more than the {max_bytes:,} this dataset could need; "
                   "not read", file=path, resource=resource["name"], value=str(size),
                   hint="check the file is the right one, or pass --max-bytes if it really is this large")
        return None
    if "bytes" in entry and entry["bytes"] != size:
        report.add("bytes-mismatch", f"{path} has {size} bytes; the descriptor says {entry['bytes']}",
                   file=path, resource=resource["name"], value=str(size), rule=f"bytes: {entry['bytes']}",
                   hint="the file was changed or truncated after the package was built")
    if entry.get("hash") and later is not None:
        # hashed on a thread of its own (hashlib and file reads release the interpreter lock) while the
        # tables are read; the caller collects the outcome from `later`
        later.append(background("hash").submit(_hash_issues, target, path, entry, resource["name"]))
    elif entry.get("hash"):
        report.extend(_hash_issues(target, path, entry, resource["name"]))
    return target




def _hash_issues(target: Path, path: str, entry: dict, name: str) -> list[Issue]:
    report = Report()
    _check_hash(target, path, entry, name, report)
    return report.issues


def _check_hash(target: Path, path: str, entry: dict, name: str, report: Report) -> None:
    expected = str(entry.get("hash") or "")
    if not expected:
        return
    algorithm, _, digest = expected.rpartition(":")
    algorithm = algorithm or "md5"  # a bare hash is md5 (Data Package spec)
    if algorithm not in HASH_ALGORITHMS:
        report.add("unsupported-hash", f"{path}: hash algorithm '{algorithm}' is not one of "
                   f"{', '.join(HASH_ALGORITHMS)}; the file cannot be verified", file=path, resource=name,
                   rule=f"hash: {expected}")
    elif file_digest(target, algorithm) != digest.lower():
        report.add("hash-mismatch", f"{path} does not match its {algorithm} in the descriptor", file=path,
                   resource=name, rule=f"hash: {expected}", hint="the file was changed after the package was built")


def _twins(base: Path, meta: dict, report: Report, trusted: bool) -> dict[str, dict]:
    """The Parquet descriptor's resources by name, when datapackage.json names it among its companions."""
    if PARQUET_DESCRIPTOR not in companion_paths(meta) or unsafe_path(PARQUET_DESCRIPTOR, base) or \
            not (base / PARQUET_DESCRIPTOR).is_file():
        return {}
    inner = Report()
    twin = read_descriptor(base / PARQUET_DESCRIPTOR, inner)
    report.extend(i for i in inner.issues if i.severity == "error")
    if twin is None:
        return {}
    for resource in twin["resources"]:
        resource[DECLARED_IN] = PARQUET_DESCRIPTOR  # what is wrong with it is said of that descriptor
    return {r["name"]: r for r in twin["resources"] if r.get("format") == "parquet"}


def _check_twin(table: TableInput, twin: dict, path: Path, result, report: Report) -> None:
    """A CSV resource's Parquet twin: the same schema, types, row count and values, read in batches."""
    from .parquet import batches, declared_schema, open_bounded

    name, display = table.name, twin["path"]
    where = dict(file=display, resource=name)
    if twin.get("schema") != table.schema:
        report.add("parquet-schema-mismatch", f"{display}: the Parquet descriptor's schema of '{name}' is not "
                   "the CSV's", hint="both descriptors describe one table; rebuild the package", **where)
        return
    if result is None or result.rows is None:
        return  # the CSV could not be read: there is nothing to compare with
    declared = declared_schema(table.schema)
    budget = 4 * path.stat().st_size + 4 * table.path.stat().st_size + (16 << 20)
    if open_bounded(path, display, declared, result.rows, budget, report, where) is None:
        return
    from .engines.arrow import ColumnDigest, csv_digests

    expected = result.digests if result.digests is not None else csv_digests(table)
    digests = {f.name: ColumnDigest() for f in declared}
    before = len(report.issues)
    for batch in batches(path, declared, display, budget, report, where):
        for f in declared:
            digests[f.name].update(batch.column(f.name))
    if len(report.issues) > before or expected is None:
        return
    differing = [f.name for f in declared if digests[f.name].hexdigest() != expected.get(f.name)]
    if differing:
        report.add("parquet-csv-mismatch", f"{display} and its CSV hold different rows (columns: "
                   f"{', '.join(differing[:5])})", hint="the two files of a resource must hold the same table; "
                   "rebuild the package", **where)
