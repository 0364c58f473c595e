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

import json
import re
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.compute as pc

from ..hashing import file_sha256
from ..report import Issue, Report
from .tables import ARROW_TYPES, CheckedTable, CellReporter, check_csv, key_column

DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB: far beyond millions of claims; refuse before reading
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def validate_package(descriptor: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, trusted: bool = False,
                     spec: bool = True, rules: bool = True) -> Report:
    """Validate the package described by `descriptor` (a datapackage.json)."""
    report = Report()
    meta = read_descriptor(descriptor, report)
    if meta is None:
        return report
    if spec:
        report.extend(_spec_issues(meta))
    base = descriptor.parent
    checked: dict[str, CheckedTable] = {}
    for resource in meta.get("resources") or []:
        table = _check_resource(base, resource, report, max_bytes, trusted)
        if table is not None:
            checked[resource["name"]] = table
    _check_foreign_keys(meta, checked, report)
    if isinstance(meta.get("expectations"), dict):
        _check_file(base, {"name": "expectations"}, "expectations", meta["expectations"], report, max_bytes, trusted)
    if rules and checked and all(t.table is not None for t in checked.values()):
        from .pandera_rules import check_rules

        report.extend(check_rules({n: t.table for n, t in checked.items()}, meta, {n: t for n, t in checked.items()}))
    return report


def read_descriptor(descriptor: Path, report: Report) -> dict | None:
    name = descriptor.name
    if not descriptor.is_file():
        report.add("missing-descriptor", f"{descriptor} does not exist", file=name)
        return None
    try:
        meta = json.loads(descriptor.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        report.add("encoding-error", f"{name} is not valid UTF-8 (byte {exc.start})", file=name)
        return None
    except json.JSONDecodeError as exc:
        report.add("invalid-json", f"{name} is not valid JSON: {exc.msg}", file=name, line=exc.lineno,
                   hint="fix the JSON syntax at that line")
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        report.add("invalid-descriptor", f"{name} must be an object with a 'resources' list", file=name, line=1)
        return None
    for index, resource in enumerate(meta["resources"]):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str) \
                or not isinstance(resource.get("schema"), dict) or not isinstance(resource.get("path"), str):
            report.add("invalid-resource", f"resource #{index + 1} needs a name, a path string and an inline schema",
                       file=name, field=f"resources[{index}]")
            meta["resources"][index] = None
    meta["resources"] = [r for r in meta["resources"] if r]
    return meta


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
                   hint="paths must be relative and stay inside the package directory", **where)
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
    if expected:
        algorithm, _, digest = expected.rpartition(":")
        if algorithm in ("", "sha256") and file_sha256(target) != digest:
            report.add("hash-mismatch", f"{path} does not match its sha256 in the descriptor", file=path,
                       resource=name, rule=f"hash: {expected}", hint="the file was changed after the package was built")


def _check_resource(base: Path, resource: dict, report: Report, max_bytes: int, trusted: bool):
    name, schema = resource["name"], resource["schema"]
    csv_path = _check_file(base, resource, "resource", resource, report, max_bytes, trusted)
    parquet = resource.get("parquet")
    parquet_path = None
    if isinstance(parquet, dict):
        parquet_path = _check_file(base, resource, "parquet", parquet, report, max_bytes, trusted)
    if csv_path is None:
        return None
    checked = check_csv(csv_path, schema, name, resource["path"])
    report.extend(checked.issues)
    if parquet_path is not None:
        _check_parquet(parquet_path, parquet["path"], checked, schema, report)
    return checked


def _check_parquet(path: Path, display: str, checked: CheckedTable, schema: dict, report: Report) -> None:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        report.add("parquet-unreadable", f"{display} is not a readable Parquet file: {exc}", file=display,
                   resource=checked.name, hint="the file may be truncated; rebuild or download it again")
        return
    declared = pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]]) for f in schema["fields"]])
    if not table.schema.equals(declared, check_metadata=False):
        for field in declared:
            actual = table.schema.field(field.name).type if field.name in table.schema.names else "missing"
            if actual != field.type:
                report.add("parquet-type-mismatch", f"{display}: column '{field.name}' is {actual}, "
                           f"the schema declares {field.type}", file=display, resource=checked.name, field=field.name)
        return
    if checked.table is not None and not table.equals(checked.table):
        differing = [n for n in declared.names if not table.column(n).equals(checked.table.column(n))]
        report.add("parquet-csv-mismatch", f"{display} and its CSV hold different rows (columns: "
                   f"{', '.join(differing[:5]) or 'row count'})", file=display, resource=checked.name,
                   hint="the two files of a resource must hold the same table; rebuild the package")


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
