"""Validate a built data package: descriptor, files, cells, keys, Parquet twins, cross-field rules.

Steps, each adding Issues to one Report (nothing stops at the first problem):
  1. read datapackage.json and check it against the Data Package spec (frictionless);
  2. refuse paths that are absolute, leave the package or point to a URL;
  3. check each file's size (refusing ones far larger than the dataset could be), bytes and sha256;
  4. check every CSV cell against its table schema, vectorized (tables.check_csv);
  5. check each Parquet twin reads, has the declared types and the same rows;
  6. check foreign keys across resources;
  7. run the pandera cross-field and cross-table rules.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.compute as pc

from ..hashing import file_digest
from ..ingest.jsonio import load_json, walk_duplicates
from ..ingest.schemas import check_table_schema
from ..ingest.yamlio import report_unknown_keys
from ..publish.descriptors import PARQUET_DESCRIPTOR
from ..report import Issue, Report
from .tables import (
    ARROW_TYPES,
    CellReporter,
    CheckedTable,
    RowMap,
    as_text,
    check_csv,
    check_text_table,
    key_column,
)

DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB: far beyond millions of claims; refuse before reading
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
HASH_ALGORITHMS = ("md5", "sha1", "sha256", "sha512")
MAX_DESCRIPTOR_BYTES = 16 << 20

RESOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DESCRIPTOR_KEYS = {"$schema", "name", "id", "title", "description", "homepage", "version", "created", "keywords",
                   "image", "licenses", "contributors", "sources", "resources", "profile", "expectations", "companions"}
RESOURCE_KEYS = {"name", "type", "path", "data", "profile", "title", "description", "homepage", "sources",
                 "licenses", "format", "mediatype", "encoding", "bytes", "hash", "scheme", "dialect", "schema",
                 "parquet", "$schema"}


def validate_package(descriptor: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, trusted: bool = False,
                     spec: bool = True, rules: bool = True, promised=()) -> Report:
    """Validate the package described by `descriptor` (a datapackage.json).

    `promised` names resources the package must have (those an index lists for it); the
    resources its own expectation suite names are required too.
    """
    report = Report()
    meta = read_descriptor(descriptor, report)
    if meta is None:
        return report
    if spec:
        report.extend(_spec_issues(meta))
    base = descriptor.parent
    twins = _twins(base, meta, report, trusted)
    checked: dict[str, CheckedTable] = {}
    for resource in meta.get("resources") or []:
        table = _check_resource(base, resource, report, max_bytes, trusted, twins.get(resource["name"]))
        if table is not None:
            checked[resource["name"]] = table
    _check_foreign_keys(meta, checked, report)
    suite = None
    if isinstance(meta.get("expectations"), dict):
        suite = _check_file(base, {"name": "expectations"}, "expectations", meta["expectations"], report, max_bytes,
                            trusted)
    for entry in meta.get("companions") or []:
        if isinstance(entry, dict):
            _check_file(base, {"name": str(entry.get("path"))}, "companions", entry, report, max_bytes, trusted)
    _check_promised(meta, set(promised) | _suite_resources(suite, report), report)
    if rules and checked and all(t.table is not None for t in checked.values()):
        from .pandera_rules import check_rules

        report.extend(check_rules({n: t.table for n, t in checked.items()}, meta, {n: t for n, t in checked.items()}))
    return report


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
    meta["resources"] = kept
    return meta


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
                   "suite promises", file="datapackage.json", resource=name,
                   hint="the package is incomplete; download or rebuild it")


def _spec_issues(meta: dict) -> list[Issue]:
    from frictionless import Package

    try:
        result = Package.validate_descriptor(meta)
    except Exception as exc:  # frictionless raises its own exceptions for unreadable metadata
        return [Issue("invalid-descriptor", f"datapackage.json does not follow the spec: {exc}", file="datapackage.json")]
    return [
        Issue(f"spec-{e.type}", f"datapackage.json: {e.message}", file="datapackage.json", rule="Data Package spec")
        for e in result.errors
    ]


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


def _check_file(base: Path, resource: dict, key: str, entry: dict, report: Report, max_bytes, trusted) -> Path | None:
    path = entry.get("path")
    where = dict(file="datapackage.json", resource=resource["name"], field=f"{key}.path", value=str(path))
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
    if size > max_bytes:
        report.add("file-too-large", f"{path} is {size:,} bytes, more than the {max_bytes:,} this dataset could need; "
                   "not read", file=path, resource=resource["name"], value=str(size),
                   hint="check the file is the right one, or pass --max-bytes if it really is this large")
        return None
    _check_integrity(target, path, entry, resource["name"], size, report)
    return target


def _check_integrity(target: Path, path: str, entry: dict, name: str, size: int, report: Report) -> None:
    if "bytes" in entry and entry["bytes"] != size:
        report.add("bytes-mismatch", f"{path} has {size} bytes; the descriptor says {entry['bytes']}",
                   file=path, resource=name, value=str(size), rule=f"bytes: {entry['bytes']}",
                   hint="the file was changed or truncated after the package was built")
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


def _check_resource(base: Path, resource: dict, report: Report, max_bytes: int, trusted: bool, twin: dict | None):
    """One resource: its file, every cell, and its Parquet twin (from the Parquet descriptor, or the
    per-resource `parquet` property of releases up to 1.0.0)."""
    name, schema = resource["name"], resource["schema"]
    path = _check_file(base, resource, "resource", resource, report, max_bytes, trusted)
    if resource.get("format") == "parquet":
        return None if path is None else _check_parquet_resource(path, resource, report)
    if twin is None and isinstance(resource.get("parquet"), dict):
        twin = {**resource["parquet"], "schema": schema}
    twin_path = _check_file(base, resource, "parquet", twin, report, max_bytes, trusted) if twin else None
    if path is None:
        return None
    checked = check_csv(path, schema, name, resource["path"])
    report.extend(checked.issues)
    if twin_path is not None:
        if twin.get("schema") != schema:
            report.add("parquet-schema-mismatch", f"{twin['path']}: the Parquet descriptor's schema of '{name}' is not "
                       "the CSV's", file=twin["path"], resource=name,
                       hint="both descriptors describe one table; rebuild the package")
        else:
            _check_parquet(twin_path, twin["path"], checked, schema, report)
    return checked


def _check_parquet_resource(path: Path, resource: dict, report: Report) -> CheckedTable | None:
    """A resource of the Parquet descriptor on its own: its types, then every cell as if it were text."""
    schema, name = resource["schema"], resource["name"]
    where = dict(file=resource["path"], resource=name)
    declared = pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]]) for f in schema["fields"]])
    table = read_parquet_bounded(path, resource["path"], declared, None, budget=8 * path.stat().st_size + (64 << 20),
                                 report=report, where=where)
    if table is None:
        return None
    issues: list[Issue] = []
    checked = check_text_table(as_text(table, schema), schema, name, resource["path"], RowMap(), issues)
    report.extend(issues)
    return checked


def _twins(base: Path, meta: dict, report: Report, trusted: bool) -> dict[str, dict]:
    """The Parquet descriptor's resources by name, when datapackage.json names it among its companions."""
    listed = {c.get("path") for c in meta.get("companions") or [] if isinstance(c, dict)}
    if PARQUET_DESCRIPTOR not in listed or unsafe_path(PARQUET_DESCRIPTOR, base) or \
            not (base / PARQUET_DESCRIPTOR).is_file():
        return {}
    inner = Report()
    twin = read_descriptor(base / PARQUET_DESCRIPTOR, inner)
    report.extend(i for i in inner.issues if i.severity == "error")
    if twin is None:
        return {}
    return {r["name"]: r for r in twin["resources"] if r.get("format") == "parquet"}


def _check_parquet(path: Path, display: str, checked: CheckedTable, schema: dict, report: Report) -> None:
    where = dict(file=display, resource=checked.name)
    declared = pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]]) for f in schema["fields"]])
    rows = checked.table.num_rows if checked.table is not None else None
    table = read_parquet_bounded(path, display, declared, rows, budget=4 * path.stat().st_size + 4 * _csv_size(checked)
                                 + (16 << 20), report=report, where=where)
    if table is None:
        return
    if checked.table is not None and not table.equals(checked.table):
        differing = [n for n in declared.names if not table.column(n).equals(checked.table.column(n))]
        report.add("parquet-csv-mismatch", f"{display} and its CSV hold different rows (columns: "
                   f"{', '.join(differing[:5]) or 'row count'})", file=display, resource=checked.name,
                   hint="the two files of a resource must hold the same table; rebuild the package")


def _csv_size(checked: CheckedTable) -> int:
    path = checked.lines.path
    return path.stat().st_size if path is not None and path.exists() else 0


def read_parquet_bounded(path: Path, display: str, declared: pa.Schema, rows: int | None, budget: int,
                         report: Report, where: dict) -> pa.Table | None:
    """Read a Parquet file whose schema, row count and decoded size were checked before any data is decoded.

    Text is read dictionary-encoded first, so a few KB of repeated long strings cannot expand to
    gigabytes: the decoded size is computed from the dictionary and refused above `budget` bytes.
    """
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        actual = handle.schema_arrow
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.add("parquet-unreadable", f"{display} is not a readable Parquet file: {_short(exc)}",
                   hint="the file may be truncated; rebuild or download it again", **where)
        return None
    if not actual.equals(declared, check_metadata=False):
        for field in declared:
            found = actual.field(field.name).type if field.name in actual.names else "missing"
            if found != field.type:
                report.add("parquet-type-mismatch", f"{display}: column '{field.name}' is {found}, "
                           f"the schema declares {field.type}", field=field.name, **where)
        extra = [n for n in actual.names if n not in declared.names]
        if extra:
            report.add("parquet-type-mismatch", f"{display} has columns the schema does not declare: "
                       f"{', '.join(extra[:5])}", **where)
        return None
    if rows is not None and handle.metadata.num_rows != rows:
        report.add("parquet-csv-mismatch", f"{display} has {handle.metadata.num_rows} rows, its CSV {rows}",
                   hint="the two files of a resource must hold the same table; rebuild the package", **where)
        return None
    metadata = handle.metadata
    stored = sum(metadata.row_group(g).column(c).total_uncompressed_size
                 for g in range(metadata.num_row_groups) for c in range(metadata.num_columns))
    if stored > budget:
        report.add("parquet-too-large", f"{display} holds {stored:,} bytes once decompressed, implausibly more "
                   "than its CSV; not read", value=str(stored), hint="the file is not the table its CSV holds",
                   **where)
        return None
    text_leaves = [f.name if f.type == pa.string() else f"{f.name}.list.element"
                   for f in declared if f.type in (pa.string(), pa.list_(pa.string()))]
    try:
        encoded = handle.read(use_threads=True) if not text_leaves else \
            pq.read_table(path, read_dictionary=text_leaves, use_threads=True)
        size = sum(_decoded_bytes(encoded.column(f.name)) for f in declared)
        if size > budget:
            report.add("parquet-too-large", f"{display} decodes to {size:,} bytes, implausibly more than its CSV; "
                       "not read", value=str(size), hint="the file is not the table its CSV holds", **where)
            return None
        return pa.Table.from_arrays([_decode(encoded.column(f.name), f.type) for f in declared], schema=declared)
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.add("parquet-unreadable", f"{display} is not a readable Parquet file: {_short(exc)}",
                   hint="the file may be truncated; rebuild or download it again", **where)
        return None


def _decoded_bytes(column: pa.ChunkedArray) -> int:
    """Bytes the column takes once its dictionaries are expanded, computed without expanding them."""
    total = 0
    for chunk in column.chunks:
        if pa.types.is_list(chunk.type):
            total += 4 * len(chunk)
            chunk = pc.list_flatten(chunk)
        if pa.types.is_dictionary(chunk.type):
            lengths = pc.binary_length(chunk.dictionary)
            total += (pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0) + 4 * len(chunk)
        else:
            total += chunk.nbytes
    return total


def _decode(column: pa.ChunkedArray, target: pa.DataType) -> pa.ChunkedArray:
    if column.type == target:
        return column
    chunks = []
    for chunk in column.chunks:
        if pa.types.is_list(chunk.type):
            values = pc.cast(chunk.values, pa.string())
            chunk = pa.ListArray.from_arrays(chunk.offsets, values, mask=chunk.is_null())
        else:
            chunk = pc.cast(chunk, target)
        chunks.append(chunk)
    return pa.chunked_array(chunks, type=target)


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _check_foreign_keys(meta: dict, checked: dict[str, CheckedTable], report: Report) -> None:
    for resource in meta["resources"]:
        child = checked.get(resource["name"])
        if child is None or child.table is None:
            continue
        for fk in resource["schema"].get("foreignKeys") or []:
            fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
            ref = fk["reference"]
            parent = child if not ref.get("resource") else checked.get(ref["resource"])
            if parent is None or parent.table is None:
                continue
            ref_fields = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
            values = key_column(child.table, fields)
            known = key_column(parent.table, ref_fields)
            present = pc.is_valid(values) if len(fields) == 1 else pc.is_valid(child.table.column(fields[0]))
            dangling = pc.and_(present, pc.invert(pc.is_in(values, value_set=known.combine_chunks())))
            cells = CellReporter(resource["path"], resource["name"], child.lines, report.issues)
            target = f"{ref.get('resource') or resource['name']}.{','.join(ref_fields)}"
            cells.report(dangling, values, ",".join(fields), "dangling-reference",
                         f"'{','.join(fields)}' refers to a row that does not exist in {target}",
                         rule=f"foreign key -> {target}", hint=f"use a value present in {target}")
