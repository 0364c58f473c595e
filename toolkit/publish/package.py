"""Write the data package: CSV + Parquet + datapackage.json, deterministically and atomically.

Same inputs, same bytes: rows are sorted by primary key, CSV is written with
fixed quoting and "\\n" line ends, Parquet with fixed writer settings, JSON with
sorted structure, and `created` is taken from the newest source date, never the
clock. `pipeline.build_package` writes it into a temporary sibling directory and moves
it into place only after every check passed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.schemas import Contract
from ..packagefiles import PARQUET_DESCRIPTOR, V1_DESCRIPTOR
from .descriptors import csv_resource, file_entry, package_fields, parquet_resource, v1_descriptor, write_descriptor
from .documents import package_readme
from .formats import arrow_table, rows_of, write_csv, write_parquet
from .sqlite import Database, datasette_metadata
from .workbook import Workbook

EXPECTATIONS = "expectations.json"
DATASETTE_METADATA = "datasette-metadata.json"
DICTIONARY = "data-dictionary.md"
REPORT = "report.html"
DOCUMENTS = {"README.md": "what the package holds and how to read it", DICTIONARY: "every table and field",
             "CHANGELOG.md": "what changed in this version"}


@dataclass
class Compiled:
    """The in-memory dataset: tables ready to write, their row counts, and the conflicts by status."""

    tables: dict  # name -> rows (list of dicts or `Columns`), or an Arrow table when compiled against schemas
    statuses: dict[str, int]  # conflicts by status
    created: str
    rows: dict[str, int] = field(init=False)

    def __post_init__(self):
        self.rows = {name: len(table) for name, table in self.tables.items()}


def write_package(directory: Path, compiled: Compiled, contract: Contract, suite: Path | None = None,
                  documents: dict[str, str] | None = None, report=None) -> dict:
    """Write the package into `directory`; return its datapackage.json.

    Steps:
      1. every resource as CSV, as Parquet, as a table of the SQLite database and (the main tables) as a
         sheet of the spreadsheet workbook;
      2. the Parquet descriptor, and the CSV descriptor as Data Package v1 for R;
      3. the datasette metadata of the database;
      4. the expectation suite, README.md and the given documents (the data dictionary);
      5. with `report` (a function of the descriptor and the folder, returning HTML), report.html: the
         one-file page for readers, written from the files already there;
      6. datapackage.json, naming every other file with its size and sha256 (`companions`).
    """
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    shared = package_fields(contract.metadata, compiled.created, rows_of(compiled.tables["sources"]))
    shared = {k: v for k, v in shared.items() if v is not None}
    csv_resources, parquet_resources = [], []
    database = f"{contract.metadata.name}.sqlite"
    workbook = f"{contract.metadata.name}.xlsx"
    sheets = Workbook(directory / workbook, compiled.created, contract.metadata.title, contract.metadata.version)
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
    texts = {"README.md": package_readme(descriptor, rows, compiled.statuses, database,
                                         REPORT if report is not None else None), **(documents or {})}
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8")
    pages = []
    if report is not None:
        (directory / REPORT).write_text(report(descriptor, directory), encoding="utf-8")
        pages = [(REPORT, "every figure with its sources' quotes and links, and every disagreement, on one "
                          "page that opens offline")]
    descriptor["companions"] = [
        file_entry(directory, directory / name, description) for name, description in (
            (PARQUET_DESCRIPTOR, "Data Package v2 descriptor of the Parquet copies"),
            (V1_DESCRIPTOR, "the CSV tables as a Data Package v1 (for R's frictionless)"),
            (database, "the tables as a SQLite database"),
            (workbook, "the main tables as an Excel workbook (dates shown to their precision)"),
            (DATASETTE_METADATA, "datasette metadata for the database"),
            *((name, DOCUMENTS.get(name, name)) for name in texts),
            *pages,
        )
    ] + [file_entry(directory, data / f"{name}.parquet", f"Parquet copy of {name}") for name in contract.schemas]
    write_descriptor(directory / "datapackage.json", descriptor)
    return descriptor
