"""`--engine duckdb`: DuckDB reads each CSV itself and keeps it in a database file on disk, so a
table larger than memory is checked out of core; the checks are ibis expressions (engines.sql)."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ...errors import MissingExtra
from ..rules import ROW
from .sql import SqlEngine

MEMORY = os.environ.get("PRISONER_DATA_DUCKDB_MEMORY", "1GB")


@dataclass
class Session:
    db: object  # duckdb connection
    ibis: object  # ibis backend over it
    scratch: Path


class Engine(SqlEngine):
    name = "duckdb"

    @contextmanager
    def session(self):
        try:
            import duckdb
            import ibis
        except ModuleNotFoundError as exc:
            raise MissingExtra("--engine duckdb", exc.name, "duckdb") from None
        scratch = Path(tempfile.mkdtemp(prefix="prisoner-data-duckdb-"))
        db = duckdb.connect(str(scratch / "tables.duckdb"),
                            config={"memory_limit": MEMORY, "temp_directory": str(scratch / "spill"),
                                    "threads": os.cpu_count() or 1})
        try:
            yield Session(db, ibis.duckdb.from_connection(db), scratch)
        finally:
            db.close()
            shutil.rmtree(scratch, ignore_errors=True)

    def read(self, session: Session, table, names: list[str]):
        """The CSV, every column as text (empty cells null), numbered in file order, stored once."""
        quoted = {name: '"' + name.replace('"', '""') + '"' for name in names}
        columns = "{" + ", ".join(f"'{name.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for name in names) + "}"
        path = str(table.path).replace("'", "''")
        session.db.execute(
            f"CREATE OR REPLACE TABLE {self._raw(table.name)} AS SELECT row_number() OVER () - 1 AS {ROW}, "
            + ", ".join(f"NULLIF({quoted[n]}, '') AS {quoted[n]}" for n in names)
            + f" FROM read_csv('{path}', header = true, auto_detect = false, columns = {columns}, delim = ',', "
              "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, parallel = false)")
        return session.ibis.table(self._raw(table.name).strip('"'))

    def keep(self, session: Session, name: str, expression):
        import ibis

        session.db.execute(f"CREATE OR REPLACE TABLE {self.table_name(name)} AS {ibis.to_sql(expression, 'duckdb')}")
        session.db.execute(f"DROP TABLE IF EXISTS {self._raw(name)}")
        return session.ibis.table(self.table_name(name).strip('"'))

    def count(self, session: Session, name: str) -> int:
        return session.db.execute(f"SELECT count(*) FROM {self.table_name(name)}").fetchone()[0]

    def sql(self, session: Session):
        from ..key_checks import Sql

        return Sql(session.db.sql, "duckdb")

    @staticmethod
    def table_name(name: str) -> str:
        return '"typed_' + name.replace('"', "") + '"'

    @staticmethod
    def _raw(name: str) -> str:
        return '"raw_' + name.replace('"', "") + '"'

    @staticmethod
    def is_parse_error(exc: Exception) -> bool:
        import duckdb

        return isinstance(exc, duckdb.Error) and any(word in str(exc) for word in ("CSV", "csv", "unicode", "UTF"))
