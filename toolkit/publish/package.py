"""Write the data package: CSV + Parquet + datapackage.json, deterministically and atomically.

Same inputs, same bytes: rows are sorted by primary key, CSV is written with
fixed quoting and "\\n" line ends, Parquet with fixed writer settings, JSON with
sorted structure, and `created` is taken from the newest source date, never the
clock. The package is written into a temporary sibling directory and moved into
place only after every check passed.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..ingest.claims import load_claims, load_vocabulary
from ..ingest.decisions import load_decisions, report_unmatched
from ..ingest.entities import load_registry
from ..ingest.schemas import Contract, load_contract
from ..ingest.sources import load_sources
from ..project import Project
from ..reconcile import reconcile_claims
from ..reconcile.rules import release_date_property
from ..report import Report
from ..storage import clear_stale, crashpoint, fsync_dir, fsync_tree, locked, new_staging, remove_tree, swap_in
from ..values import parse_date
from .descriptors import (PARQUET_DESCRIPTOR, V1_DESCRIPTOR, csv_resource, file_entry, package_fields,
                          parquet_resource, v1_descriptor, write_descriptor)
from .documents import package_readme
from .formats import arrow_table, rows_of, write_csv, write_parquet
from .sqlite import Database, datasette_metadata
from .tables import build_tables
from .workbook import Workbook

EXPECTATIONS = "expectations.json"
DATASETTE_METADATA = "datasette-metadata.json"
DICTIONARY = "data-dictionary.md"
DOCUMENTS = {"README.md": "what the package holds and how to read it", DICTIONARY: "every table and field",
             "CHANGELOG.md": "what changed in this version"}


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
    """The in-memory dataset: tables ready to write, their row counts, and the conflicts by status."""

    tables: dict  # name -> rows (list of dicts or `Columns`), or an Arrow table when compiled against schemas
    statuses: dict[str, int]  # conflicts by status
    created: str
    rows: dict[str, int] = field(init=False)

    def __post_init__(self):
        self.rows = {name: len(table) for name, table in self.tables.items()}


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


def compile_dataset(project: Project, report: Report, progress=None, schemas: dict | None = None) -> Compiled | None:
    """Load, verify, resolve and reconcile the seeds; None when the inputs have errors.

    With the table `schemas`, each table is made an Arrow table of its schema as soon as it is built,
    and only the tables and the conflicts' statuses outlive this call (not the claims and facts they
    came from): what keeps a build's memory to about the size of its output."""
    with _without_cycle_collector():
        return _compile(project, report, progress, schemas)


def _compile(project: Project, report: Report, progress=None, schemas: dict | None = None) -> Compiled | None:
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
        # no claim dates the release: the claim's own mistake; dated by claims that disagree (a later
        # article may dispute it): kept out of comparisons until they agree, as a warning
        dated = result.fact(claim.event, release_date_property(result)) is not None
        report.add("unsettled-event-date", f"'{claim.raw_value}' stands for the date of that release, but the claims "
                   + ("do not settle it (sources disagree); the claim is left out of comparisons until they do"
                      if dated else "give it no date"), severity="warning" if dated else "error",
                   file=claim.file, line=claim.line, field="value", value=claim.raw_value,
                   hint="give the date itself" + ("" if dated else ", or add a claim of the release's date"))
    if registry.root_group() is None and any(f.key.population is None and vocabulary[f.key.property].population
                                             for f in result.facts.values()):
        report.add("no-root-population", "counts that name no group count everyone freed, but the registry "
                   "has no root group for them", file=project.rel(project.registry),
                   hint="mark the group of everyone freed with `root: true` in seeds/registry.yaml")
    if not report.valid:
        return None
    say("building tables")
    finish = None if schemas is None else (lambda name, rows: arrow_table(rows, schemas[name]) if name in schemas
                                           else rows)
    tables = build_tables(sources, ledger, registry, vocabulary, result, finish)
    from ..contribute.coverage import lint_coverage, lint_sources, released_sources

    report.extend(lint_coverage(sources, ledger))
    report.extend(lint_sources(sources, released_sources(project)))
    newest = max((s.entry.published for s in sources.values()), default="1970-01-01")
    start = parse_date(newest).start
    created = dt.datetime.combine(start, dt.time(), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    statuses = dict(sorted(Counter(c.status for c in result.conflicts).items()))
    return Compiled(tables, statuses, created)


@dataclass
class Prepared:
    """Everything loaded, checked and reconciled, ready to be written as a package."""

    report: Report
    compiled: Compiled | None = None
    contract: Contract | None = None

    @property
    def ok(self) -> bool:
        return self.compiled is not None and self.contract is not None and self.report.valid

    def rows(self) -> dict[str, int]:
        return {name: self.compiled.rows[name] for name in self.contract.metadata.resources}

    def statuses(self) -> dict[str, int]:
        return self.compiled.statuses


def prepare_dataset(project: Project, progress=None) -> Prepared:
    """Load and verify the contract (schemas/) and the seeds, and reconcile them; every problem in the report."""
    report = Report()
    contract = load_contract(project, report)
    compiled = compile_dataset(project, report, progress, contract.schemas if contract else None)
    return Prepared(report, compiled, contract)


def stage_package(project: Project, directory: Path, prepared: Prepared, version: str,
                  documents: dict[str, str] | None = None, check=None, last: bool = False, progress=None) -> Report:
    """Write the package into `directory` as `version` (with the data dictionary and `documents`), then check it.

    `check` (default: `validate_package`, as `prisoner-data validate` checks a package: the descriptor
    against the Data Package spec, files, cells, keys, rules and Parquet twins) returns the issues of
    the written package. `last`: no package will be written from `prepared` again, so its tables are
    let go once written (the check reads the files), and the check has their memory."""
    from ..contribute.dictionary import render_dictionary

    contract = replace(prepared.contract, metadata=prepared.contract.metadata.model_copy(update={"version": version}))
    texts = {DICTIONARY: render_dictionary(project, prepared.contract), **(documents or {})}
    say = progress or (lambda message: None)
    say("writing package")
    write_package(directory, prepared.compiled, contract, project.schemas / EXPECTATIONS, texts)
    if last:
        prepared.compiled.tables.clear()
    say("validating package")
    report = Report()
    if check is None:
        from ..validate.package import validate_package

        report.extend(validate_package(directory / "datapackage.json").issues)
    else:
        report.extend(check(directory / "datapackage.json"))
    return report


def build_package(project: Project, out: Path | None = None, progress=None, check=None,
                  dictionary: bool = False, on_wait=None) -> BuildResult:
    """Build datapackage/ from seeds/ and schemas/.

    Steps:
      1. load and verify the contract (schemas/), sources, registry, vocabulary, claims and decisions;
      2. reconcile claims into facts and conflicts, and build the resolved tables;
      3. under the target folder's lock, remove what killed builds left behind;
      4. write the package, as the next version with a -dev suffix, into staging (and, if asked,
         docs/data-dictionary.md);
      5. validate the staged package (`check`, by default what `prisoner-data validate` runs on a package);
      6. fsync it and swap it with the target in one step, only if every step passed.
    """
    from .release import development_version, recover_releases

    out = Path(out or project.package_dir)
    prepared = prepare_dataset(project, progress)
    report = prepared.report
    if not prepared.ok:
        return BuildResult(report)
    with locked(out.parent, on_wait=on_wait or progress):
        if out == project.package_dir:
            recover_releases(project)
        clear_stale(out.parent, out.name, out)
        work = new_staging(out.parent, out.name)
        try:
            report.extend(stage_package(project, work / "package", prepared,
                                        development_version(project, prepared.contract.metadata), check=check,
                                        last=True, progress=progress).issues)
            if not report.valid:
                return BuildResult(report)
            if dictionary:
                shutil.copyfile(work / "package" / DICTIONARY, work / DICTIONARY)
            fsync_tree(work)
            crashpoint("build:before-swap")
            swap_in(work / "package", out)
            crashpoint("build:after-swap")
            if dictionary:
                (project.root / "docs").mkdir(exist_ok=True)
                os.replace(work / DICTIONARY, project.root / "docs" / DICTIONARY)
                fsync_dir(project.root / "docs")
        finally:
            remove_tree(work)
    return BuildResult(report, prepared.rows(), prepared.statuses(), out)


def write_package(directory: Path, compiled: Compiled, contract: Contract, suite: Path | None = None,
                  documents: dict[str, str] | None = None) -> dict:
    """Write the package into `directory`; return its datapackage.json.

    Steps:
      1. every resource as CSV, as Parquet, as a table of the SQLite database and (the main tables) as a
         sheet of the spreadsheet workbook;
      2. the Parquet descriptor, and the CSV descriptor as Data Package v1 for R;
      3. the datasette metadata of the database;
      4. the expectation suite, README.md and the given documents (the data dictionary);
      5. datapackage.json, naming every other file with its size and sha256 (`companions`).
    """
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    shared = package_fields(contract.metadata, compiled.created, rows_of(compiled.tables["sources"]))
    shared = {k: v for k, v in shared.items() if v is not None}
    csv_resources, parquet_resources = [], []
    database = f"{contract.metadata.name}.sqlite"
    workbook = f"{contract.metadata.name}.xlsx"
    sheets = Workbook(directory / workbook, compiled.created, contract.metadata.title)
    with Database(directory / database, contract.schemas) as sqlite:
        for name, schema in contract.schemas.items():
            table = arrow_table(compiled.tables[name], schema)  # one table at a time, in every format
            write_csv(data / f"{name}.csv", table, schema)
            write_parquet(data / f"{name}.parquet", table)
            sqlite.add(name, table)
            sheets.add(name, table, schema, schema.get("description", "").split(". ")[0])
            del table
            csv_resources.append(csv_resource(name, schema, data / f"{name}.csv", directory))
            parquet_resources.append(parquet_resource(name, schema, data / f"{name}.parquet", directory))
    sheets.close()
    descriptor = {**shared, "resources": csv_resources}
    write_descriptor(directory / PARQUET_DESCRIPTOR, {**shared, "resources": parquet_resources})
    write_descriptor(directory / V1_DESCRIPTOR, v1_descriptor(descriptor))
    metadata = datasette_metadata(descriptor, database.removesuffix(".sqlite"), contract.schemas)
    write_descriptor(directory / DATASETTE_METADATA, metadata)
    if suite is not None and suite.is_file():
        # The package carries its expectations, so a downloader can run them without this repository.
        shutil.copyfile(suite, directory / EXPECTATIONS)
        descriptor["expectations"] = file_entry(directory, directory / EXPECTATIONS)
    rows = {name: compiled.rows[name] for name in contract.schemas}
    texts = {"README.md": package_readme(descriptor, rows, compiled.statuses, database), **(documents or {})}
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8")
    descriptor["companions"] = [
        file_entry(directory, directory / name, description) for name, description in (
            (PARQUET_DESCRIPTOR, "Data Package v2 descriptor of the Parquet copies"),
            (V1_DESCRIPTOR, "the CSV tables as a Data Package v1 (for R's frictionless)"),
            (database, "the tables as a SQLite database"),
            (workbook, "the main tables as an Excel workbook (dates shown to their precision)"),
            (DATASETTE_METADATA, "datasette metadata for the database"),
            *((name, DOCUMENTS.get(name, name)) for name in texts),
        )
    ] + [file_entry(directory, data / f"{name}.parquet", f"Parquet copy of {name}") for name in contract.schemas]
    write_descriptor(directory / "datapackage.json", descriptor)
    return descriptor
