"""Write the data package: CSV + Parquet + datapackage.json, deterministically and atomically.

Same inputs, same bytes: rows are sorted by primary key, CSV is written with
fixed quoting and "\\n" line ends, Parquet with fixed writer settings, JSON with
sorted structure, and `created` is taken from the newest source date, never the
clock. The package is written into a temporary sibling directory and moved into
place only after every check passed.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.claims import load_claims, load_vocabulary
from ..ingest.decisions import load_decisions, report_unmatched
from ..ingest.entities import load_registry
from ..hashing import file_sha256
from ..ingest.schemas import Contract, load_contract
from ..project import Project
from ..reconcile import Reconciliation, reconcile_claims
from ..report import Report
from ..ingest.sources import load_sources
from .tables import build_tables
from ..storage import clear_stale, crashpoint, fsync_dir, fsync_tree, locked, new_staging, remove_tree, swap_in
from ..values import parse_date

LIST_DELIMITER = "|"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
EXPECTATIONS = "expectations.json"


@dataclass
class BuildResult:
    """What a build produced: the report, and on success the row counts and conflicts."""

    report: Report
    rows: dict[str, int] = field(default_factory=dict)
    conflicts: dict[str, int] = field(default_factory=dict)
    written: Path | None = None

    @property
    def ok(self) -> bool:
        return self.report.valid and self.written is not None


@dataclass
class Compiled:
    """The in-memory dataset: tables ready to write, and what they came from."""

    tables: dict[str, list[dict]]
    reconciliation: Reconciliation
    created: str


@contextmanager
def _without_cycle_collector():
    # Millions of small claim objects and no reference cycles: the cyclic collector would
    # rescan them again and again and make loading superlinear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compile_dataset(project: Project, report: Report, progress=None) -> Compiled | None:
    """Load, verify, resolve and reconcile the seeds; None when the inputs have errors."""
    with _without_cycle_collector():
        return _compile(project, report, progress)


def _compile(project: Project, report: Report, progress=None) -> Compiled | None:
    say = progress or (lambda message: None)
    say("loading sources")
    sources = load_sources(project, report)
    registry = load_registry(project, report)
    vocabulary = load_vocabulary(project, report)
    say("checking claims")
    ledger = load_claims(project, sources, registry, vocabulary, report)
    decisions = load_decisions(project, report)
    if not report.valid:
        return None
    say("reconciling")
    result = reconcile_claims(ledger.claims, registry, vocabulary, decisions)
    report_unmatched(result.unmatched_decisions, report)
    for claim in result.unresolved_events:
        report.add("unsettled-event-date", f"'{claim.raw_value}' stands for the date of that release, but the claims "
                   "do not settle it (none, or sources disagree)", file=claim.file, line=claim.line, field="value",
                   value=claim.raw_value, hint="give the date itself, or settle the release's date first")
    if registry.root_group() is None and any(f.key.population is None and vocabulary[f.key.property].population
                                             for f in result.facts.values()):
        report.add("no-root-population", "counts that name no group count everyone freed, but the registry "
                   "has no root group for them", file=project.rel(project.registry),
                   hint="mark the group of everyone freed with `root: true` in seeds/registry.yaml")
    if not report.valid:
        return None
    tables = build_tables(sources, ledger, registry, vocabulary, result)
    from ..contribute.coverage import lint_coverage

    report.extend(lint_coverage(sources, ledger))
    newest = max((s.entry.published for s in sources.values()), default="1970-01-01")
    start = parse_date(newest).start
    created = dt.datetime.combine(start, dt.time(), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Compiled(tables, result, created)


def build_package(project: Project, out: Path | None = None, progress=None, check=None,
                  dictionary: bool = False) -> BuildResult:
    """Build datapackage/ from seeds/ and schemas/.

    Steps:
      1. load and verify the contract (schemas/), sources, registry, vocabulary, claims and decisions;
      2. reconcile claims into facts and conflicts, and build the resolved tables;
      3. under the target folder's lock, remove what killed builds left behind;
      4. write CSV, Parquet and datapackage.json (and, if asked, docs/data-dictionary.md) into staging;
      5. validate the staged package (`check`, by default frictionless against the schemas);
      6. fsync it and swap it with the target in one step, only if every step passed.
    """
    out = Path(out or project.package_dir)
    report = Report()
    contract = load_contract(project, report)
    compiled = compile_dataset(project, report, progress)
    if compiled is None or contract is None or not report.valid:
        return BuildResult(report)
    with locked(out.parent, on_wait=progress):
        if out == project.package_dir:
            from .release import recover_releases

            recover_releases(project)
        clear_stale(out.parent, out.name, out)
        work = new_staging(out.parent, out.name)
        try:
            if progress:
                progress("writing package")
            write_package(work / "package", compiled, contract, project.schemas / EXPECTATIONS)
            if dictionary:
                from ..contribute.dictionary import render_dictionary

                (work / "data-dictionary.md").write_text(render_dictionary(project, contract), encoding="utf-8")
            if progress:
                progress("validating package")
            if check is None:
                from ..validate.frictionless_check import check_package as check
            report.extend(check(work / "package" / "datapackage.json"))
            if not report.valid:
                return BuildResult(report)
            fsync_tree(work)
            crashpoint("build:before-swap")
            swap_in(work / "package", out)
            crashpoint("build:after-swap")
            if dictionary:
                (project.root / "docs").mkdir(exist_ok=True)
                os.replace(work / "data-dictionary.md", project.root / "docs" / "data-dictionary.md")
                fsync_dir(project.root / "docs")
        finally:
            remove_tree(work)
    rows = {name: len(compiled.tables[name]) for name in contract.metadata.resources}
    statuses: dict[str, int] = {}
    for conflict in compiled.reconciliation.conflicts:
        statuses[conflict.status] = statuses.get(conflict.status, 0) + 1
    return BuildResult(report, rows, dict(sorted(statuses.items())), out)


def write_package(directory: Path, compiled: Compiled, contract: Contract, suite: Path | None = None) -> dict:
    """Write every resource as CSV and Parquet, the expectation suite, and datapackage.json."""
    (directory / "data").mkdir(parents=True, exist_ok=True)
    resources = []
    for name, schema in contract.schemas.items():
        rows = compiled.tables[name]
        csv_path = directory / "data" / f"{name}.csv"
        parquet_path = directory / "data" / f"{name}.parquet"
        csv_path.write_bytes(csv_bytes(rows, schema))
        write_parquet(parquet_path, rows, schema)
        resources.append(_resource(name, schema, csv_path, parquet_path, directory))
    meta = contract.metadata
    descriptor = {
        "$schema": PROFILE,
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": meta.version,
        "created": compiled.created,
        "keywords": meta.keywords,
        "licenses": [lic.model_dump(exclude_none=True) for lic in meta.licenses],
        "contributors": [c.model_dump(exclude_none=True) for c in meta.contributors],
        "sources": [
            {"title": _source_title(row), "path": row["article_path"]}
            for row in compiled.tables["sources"]
        ],
        "resources": resources,
    }
    if suite is not None and suite.is_file():
        # The package carries its expectations, so a downloader can run them without this repository.
        shutil.copyfile(suite, directory / EXPECTATIONS)
        suite_copy = directory / EXPECTATIONS
        descriptor["expectations"] = {"path": EXPECTATIONS, "bytes": suite_copy.stat().st_size,
                                      "hash": "sha256:" + file_sha256(suite_copy)}
    write_descriptor(directory / "datapackage.json", descriptor)
    return descriptor


def write_descriptor(path: Path, descriptor: dict) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _source_title(row: dict) -> str:
    outlet = row["outlet"] or "unnamed outlet"
    return f"{outlet}: {row['title']}" if row["title"] else f"{outlet} ({row['source_id']})"


def _resource(name: str, schema: dict, csv_path: Path, parquet_path: Path, root: Path) -> dict:
    return {
        "name": name,
        "type": "table",
        "description": schema.get("description", ""),
        "path": csv_path.relative_to(root).as_posix(),
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": csv_path.stat().st_size,
        "hash": "sha256:" + file_sha256(csv_path),
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True},
        "schema": {k: v for k, v in schema.items() if k not in ("$schema", "description")},
        "parquet": {
            "path": parquet_path.relative_to(root).as_posix(),
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "bytes": parquet_path.stat().st_size,
            "hash": "sha256:" + file_sha256(parquet_path),
        },
    }


def csv_bytes(rows: list[dict], schema: dict) -> bytes:
    names = [f["name"] for f in schema["fields"]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_DELIMITER.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def arrow_schema(schema: dict):
    import pyarrow as pa

    types = {
        "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(f["name"], types[f["type"]]) for f in schema["fields"]])


def write_parquet(path: Path, rows: list[dict], schema: dict) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = arrow_schema(schema)
    columns = {f.name: [row.get(f.name) for row in rows] for f in target}
    table = pa.Table.from_pydict(columns, schema=target)
    # Fixed writer settings: a rebuild from the same inputs is byte-identical.
    pq.write_table(
        table, path, compression="zstd", compression_level=3, use_dictionary=False,
        write_statistics=True, version="2.6", data_page_version="1.0", store_schema=True,
    )
