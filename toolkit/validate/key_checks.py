"""Whole-table checks in SQL, the same queries on DuckDB (the duckdb engine) and on Spark: unique
primary keys, foreign keys that resolve, claim ids that exist. (The default engine's key store
answers the same questions from its own batches: `engines/keystore.py`.)

Each query returns the first failing rows in file order (the `__row__` column every engine adds)
and how many there are, for `cells.Failures` to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .cells import MAX_CELLS_PER_RULE, Failures
from .rules import MESSAGES, ROW


@dataclass
class Sql:
    """A SQL engine: a function that runs a query, and the few spellings that differ between them."""

    run: Callable
    dialect: str  # duckdb | spark

    def fetch(self, query: str) -> list[tuple]:
        result = self.run(query)
        if hasattr(result, "fetchall"):
            return result.fetchall()
        return [tuple(row) for row in result.collect()]  # Spark

    def quote(self, name: str) -> str:
        return f"`{name.replace('`', '')}`" if self.dialect == "spark" else '"' + name.replace('"', "") + '"'

    def text(self, expression: str) -> str:
        return f"coalesce(cast({expression} AS {'STRING' if self.dialect == 'spark' else 'VARCHAR'}), '')"

    def same(self, a: str, b: str) -> str:
        return f"{a} <=> {b}" if self.dialect == "spark" else f"{a} IS NOT DISTINCT FROM {b}"

    def unnest(self, column: str) -> str:
        return f"explode({column})" if self.dialect == "spark" else f"unnest({column})"

    def first(self, query: str) -> tuple[list[tuple], int]:
        """The first failing rows (by row) and how many there are, from a query of failing rows: one query."""
        rows = self.fetch(f"SELECT *, count(*) OVER () AS total FROM ({query}) failing ORDER BY {ROW} "
                          f"LIMIT {MAX_CELLS_PER_RULE}")
        return [row[:-1] for row in rows], (rows[0][-1] if rows else 0)


def duplicate_keys(db: Sql, table_sql: str, fields: list[str], failures: Failures) -> None:
    keys = ", ".join(db.quote(f) for f in fields)
    shown = " || ', ' || ".join(db.text(f"t.{db.quote(f)}") for f in fields) if db.dialect != "spark" else \
        "concat_ws(', ', " + ", ".join(db.text(f"t.{db.quote(f)}") for f in fields) + ")"
    matched = " AND ".join(db.same(f"t.{db.quote(f)}", f"d.{db.quote(f)}") for f in fields)
    query = (f"SELECT t.{ROW} AS {ROW}, {shown} AS shown FROM {table_sql} t JOIN "
             f"(SELECT {keys} FROM {table_sql} GROUP BY {keys} HAVING count(*) > 1) d ON {matched}")
    rows, count = db.first(query)
    failures.add("duplicate-key", f"primary key ({', '.join(fields)}) is not unique", "primaryKey must be unique",
                 "give each row its own key; remove the duplicate row", ",".join(fields),
                 [r[0] for r in rows], [r[1] for r in rows], count=count)


def dangling_references(db: Sql, child_sql: str, fields: list[str], parent_sql: str, parent: str, ref: list[str],
                        failures: Failures) -> None:
    matched = " AND ".join(f"p.{db.quote(r)} = c.{db.quote(f)}" for f, r in zip(fields, ref))
    shown = " || ', ' || ".join(db.text(f"c.{db.quote(f)}") for f in fields) if db.dialect != "spark" else \
        "concat_ws(', ', " + ", ".join(db.text(f"c.{db.quote(f)}") for f in fields) + ")"
    query = (f"SELECT c.{ROW} AS {ROW}, {shown} AS shown FROM {child_sql} c WHERE c.{db.quote(fields[0])} IS NOT NULL "
             f"AND NOT EXISTS (SELECT 1 FROM {parent_sql} p WHERE {matched})")
    rows, count = db.first(query)
    target = f"{parent}.{','.join(ref)}"
    failures.add("dangling-reference", f"'{','.join(fields)}' refers to a row that does not exist in {target}",
                 f"foreign key -> {target}", f"use a value present in {target}", ",".join(fields),
                 [r[0] for r in rows], [r[1] for r in rows], count=count)


def dangling_claims(db: Sql, table_sql: str, columns: list[str], claims_sql: str, failures: Failures) -> None:
    """Rows with an id in a claim list that is not a claim_id of claims (one row once, whatever the column)."""
    items = " UNION ALL ".join(f"SELECT {ROW}, {db.unnest(db.quote(column))} AS id FROM {table_sql}"
                               for column in columns)
    query = (f"SELECT DISTINCT i.{ROW} AS {ROW} FROM ({items}) i WHERE i.id IS NOT NULL AND NOT EXISTS "
             f"(SELECT 1 FROM {claims_sql} k WHERE k.claim_id = i.id)")
    rows, count = db.first(query)
    message, hint = MESSAGES["claim-ids-exist"]
    failures.add("claim-ids-exist", f"{failures.display}: {message}", "claim-ids-exist", hint, None,
                 [r[0] for r in rows], count=count)


def check_keys(db: Sql, plan, readable: set[str], stored: set[str], table_sql: Callable[[str], str],
               found: dict[str, Failures]) -> None:
    """Every key check of the plan among the tables that could be read and are in the store."""
    present = readable & stored
    for table, fields in plan.primary.items():
        if fields and table in present:
            duplicate_keys(db, table_sql(table), fields, found[table])
    for child, fields, parent, ref in plan.foreign:
        if child in present and parent in present:
            dangling_references(db, table_sql(child), fields, table_sql(parent), parent, ref, found[child])
    for table, columns in plan.claim_lists.items():
        if table in present and "claims" in present:
            dangling_claims(db, table_sql(table), columns, table_sql("claims"), found[table])
