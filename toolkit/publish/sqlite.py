"""The package as a SQLite database (stdlib sqlite3), with datasette metadata.

One table per resource with declared column types, primary and foreign keys and an index on
every key column; lists are JSON arrays, so `json_each()` reaches their items. Views lead from
releases, people and sanctions (and from each conflict) to the claims behind every value and
their quotes. The file is written in one deterministic order with fixed settings, so the same
tables give the same bytes.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..errors import ToolkitError
from ..ingest.schemas import foreign_keys
from ..texts import safe_link
from ..values import QUALIFIER_WORDS

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT",
             "list": "TEXT"}
EVIDENCE = {"releases": ("release_evidence", "release_id"), "people": ("person_evidence", "person_id"),
            "sanctions": ("sanction_evidence", "sanction_id")}
"""Views from a table's resolved values to their claims: view name and the table's key."""
PRAGMAS = ("page_size = 4096", "journal_mode = OFF", "synchronous = OFF", "foreign_keys = OFF")
"""The database's fixed settings (the same bytes for the same tables)."""


@contextmanager
def os_errors(path: Path):
    """SQLite's own words for a full disk or a failed read or write, as the OSError every other writer
    raises (the CLI says 'No space left on device' and exits 3, never 'internal error')."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)) from None
        if code is not None and code & 0xFF in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
            raise OSError(errno.EIO, f"{os.strerror(errno.EIO)} ({exc})", str(path)) from None
        raise


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Database:
    """The database at `path` (which must not exist), written one table at a time in the order added.

    Use as a context manager: `add` each table, and leaving the block without an error adds the views,
    checks every foreign key and compacts the file."""

    def __init__(self, path: Path, schemas: dict[str, dict]):
        self.path, self.schemas = path, schemas

    def __enter__(self) -> "Database":
        with os_errors(self.path):
            self.connection = sqlite3.connect(self.path, isolation_level=None)
            for pragma in PRAGMAS:
                self.connection.execute(f"PRAGMA {pragma}")
            self.connection.execute("BEGIN")
        return self

    def add(self, name: str, table) -> None:
        """Create and fill the table `name` from an Arrow table with its schema's columns."""
        with os_errors(self.path):
            self._add(name, table)

    def _add(self, name: str, table) -> None:
        from .formats import SLICE_ROWS

        schema = self.schemas[name]
        self.connection.execute(_create_table(name, schema))
        fields = [f["name"] for f in schema["fields"]]
        kinds = [f["type"] for f in schema["fields"]]
        insert = f"INSERT INTO {quote(name)} VALUES ({', '.join('?' * len(fields))})"
        for batch in table.select(fields).to_batches(max_chunksize=SLICE_ROWS):
            self.connection.executemany(insert, zip(*(_values(batch.column(i), kind) for i, kind in enumerate(kinds))))
        for statement in _indexes(name, schema):
            self.connection.execute(statement)

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if error is None:
                with os_errors(self.path):
                    self._finish()
        finally:
            self.connection.close()

    def _finish(self) -> None:
        connection = self.connection
        for statement in _views(self.schemas):
            connection.execute(statement)
        connection.execute("COMMIT")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, rowid, parent, _ = broken[0]
            raise ToolkitError(f"the database has {len(broken)} rows whose foreign key finds no row; the first is "
                               f"row {rowid} of {table}, pointing into {parent}", path=self.path)
        connection.execute("VACUUM")


def _create_table(name: str, schema: dict) -> str:
    columns = []
    for field in schema["fields"]:
        column = f"{quote(field['name'])} {SQL_TYPES[field['type']]}"
        if field.get("constraints", {}).get("required"):
            column += " NOT NULL"
        columns.append(column)
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else key
    if key:
        columns.append(f"PRIMARY KEY ({', '.join(quote(k) for k in key)})")
    for fk in foreign_keys(name, schema):
        columns.append(f"FOREIGN KEY ({', '.join(quote(f) for f in fk.fields)}) REFERENCES "
                       f"{quote(fk.resource)} ({', '.join(quote(f) for f in fk.reference)})")
    return f"CREATE TABLE {quote(name)} (\n  " + ",\n  ".join(columns) + "\n)"


def _indexes(name: str, schema: dict) -> list[str]:
    """An index on each foreign key column (primary keys are indexed by SQLite already)."""
    statements = []
    for fk in foreign_keys(name, schema):
        index = quote(f"{name}_{'_'.join(fk.fields)}")
        statements.append(f"CREATE INDEX {index} ON {quote(name)} ({', '.join(quote(f) for f in fk.fields)})")
    return statements


def _values(array, kind: str) -> list:
    """A column's cells as SQLite takes them: lists as JSON arrays, booleans as 0/1, dates as text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == "list":
        return [None if items is None else json.dumps(items, ensure_ascii=False) for items in array.to_pylist()]
    if kind == "boolean":
        return pc.cast(array, pa.int64()).to_pylist()
    if kind == "date":
        return pc.cast(array, pa.string()).to_pylist()
    return array.to_pylist()


def _as_given(claim: str = "c") -> str:
    """A claim's value as its source gave it, in SQL: "more than 100", "between 40 and 50", "by 2025-11" (the
    bare value dropped the qualifier, so a reader took "more than 100" for 100)."""
    words = " ".join(f"WHEN '{q}' THEN '{w}'" for q, w in QUALIFIER_WORDS.items() if w and q != "between")
    return (f"CASE WHEN {claim}.count_qualifier = 'between' THEN 'between ' || {claim}.count_low || ' and ' || "
            f"{claim}.count_high ELSE COALESCE(CASE COALESCE({claim}.count_qualifier, {claim}.date_qualifier) {words} "
            f"END, '') || {claim}.value END")


SOURCE_NAME = "COALESCE(s.outlet, s.title, c.source_id) AS source_name"
"""Who said it, by name: the outlet, or the headline where no outlet is known; the source id only without either."""


def _views(schemas: dict[str, dict]) -> list[str]:
    """Views from resolved values (and conflicts) to the claims behind them, with their quotes."""
    if "claims" not in schemas:
        return []
    statements = []
    for table, (view, key) in EVIDENCE.items():
        if table not in schemas:
            continue
        names = {f["name"] for f in schemas[table]["fields"]}
        fields = sorted(n[: -len("_claims")] for n in names if n.endswith("_claims") and f"{n[:-7]}_status" in names)
        parts = [
            f"SELECT t.{quote(key)} AS {quote(key)}, '{field}' AS field, t.{quote(field + '_status')} AS status, "
            f"j.value AS claim_id FROM {quote(table)} AS t, json_each(t.{quote(field + '_claims')}) AS j"
            for field in fields
        ]
        if parts:
            statements.append(
                f"CREATE VIEW {quote(view)} AS SELECT v.{quote(key)}, v.field, v.status, v.claim_id, c.source_id, "
                f"c.value, {_as_given()} AS value_as_given, c.attributed_to, c.quote, c.quote_line, s.outlet, "
                f"{SOURCE_NAME}, s.title AS article_title, s.url AS article_url "
                f"FROM ({' UNION ALL '.join(parts)}) AS v JOIN claims AS c ON c.claim_id = v.claim_id "
                "LEFT JOIN sources AS s ON s.source_id = c.source_id"
            )
    if "conflicts" in schemas:
        statements.append(
            "CREATE VIEW conflict_evidence AS SELECT k.conflict_id, k.status, k.severity, j.value AS claim_id, "
            f"c.source_id, c.value, {_as_given()} AS value_as_given, c.attributed_to, c.quote, c.quote_line, "
            f"s.outlet, {SOURCE_NAME}, s.title AS article_title, s.url AS article_url "
            "FROM conflicts AS k, "
            "json_each(k.claim_ids) AS j JOIN claims AS c ON c.claim_id = j.value "
            "LEFT JOIN sources AS s ON s.source_id = c.source_id"
        )
    return statements


def datasette_metadata(descriptor: dict, database: str, schemas: dict[str, dict]) -> dict:
    """datasette's metadata: titles, descriptions, licence and sources from the descriptor."""
    licence = (descriptor.get("licenses") or [{}])[0]
    tables = {}
    for name, schema in schemas.items():
        tables[name] = {
            "description": schema.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in schema["fields"]},
        }
    for view, key in ((v, k) for v, k in EVIDENCE.values()):
        tables[view] = {"description": f"Each resolved value ({key} and field) with every claim behind it: its "
                                       "value as the source gave it (value_as_given), who said it, the quote and "
                                       "the article's link."}
    tables["conflict_evidence"] = {"description": "Each conflict with every claim involved and its quote."}
    if "sources" in tables:  # a claim's source is shown by its outlet (datasette links it to the source's row)
        tables["sources"]["label_column"] = "outlet"
    sources = descriptor.get("sources") or []
    return {
        "title": descriptor.get("title"),
        "description": descriptor.get("description"),
        "license": licence.get("name"),
        "license_url": safe_link(licence.get("path"), relative=True),  # datasette links them in every footer
        "source": "; ".join(s.get("title", "") for s in sources),
        "source_url": safe_link(descriptor.get("homepage")),
        "databases": {database: {"tables": tables}},
    }
