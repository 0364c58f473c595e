"""Engines that check a package's tables: the same checks and the same Issues, computed three ways.

  pyarrow  (default) streams each CSV in record batches: cells checked with pyarrow kernels, the
           cross-field rules run by pandera on each batch, key columns held in memory while
           they are few and hashed into an embedded DuckDB that spills to disk beyond that, so
           memory is bounded by the batch, not the file
  duckdb   DuckDB reads the CSVs itself, out of core; cells, keys and rules through ibis
  spark    the same ibis expressions on Spark (the `spark` extra), for tables
           that outgrow one machine

Each engine returns, per table, the rows that break each check; `cells.Failures` turns them into
Issues located at their CSV line, so the engines cannot word or locate a problem differently.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import UsageError

ENGINES = {"pyarrow": "arrow", "duckdb": "duckdb", "spark": "spark"}


@dataclass
class TableInput:
    """A CSV resource whose file passed the package checks, to be read and checked."""

    resource: dict
    path: Path
    budget: int | None = None  # for a Parquet resource: the most bytes it may decode to

    @property
    def parquet(self) -> bool:
        return self.resource.get("format") == "parquet"

    @property
    def name(self) -> str:
        return self.resource["name"]

    @property
    def display(self) -> str:
        return self.resource["path"]

    @property
    def schema(self) -> dict:
        return self.resource["schema"]


@dataclass
class TableResult:
    """What an engine learned of a table: its rows (None when it could not be read) and, from the
    pyarrow engine, a digest per typed column (to compare with the table's Parquet twin)."""

    rows: int | None
    digests: dict[str, str] | None = None


@dataclass
class KeyPlan:
    """Which columns of which table the whole-table checks need: primary keys, foreign keys (both
    ends), and list columns whose items must be claim ids."""

    primary: dict[str, list[str]] = field(default_factory=dict)
    foreign: list[tuple[str, list[str], str, list[str]]] = field(default_factory=list)  # child, fields, parent, fields
    claim_lists: dict[str, list[str]] = field(default_factory=dict)

    def columns(self, table: str) -> list[str]:
        wanted = list(self.primary.get(table, []))
        for child, fields, parent, ref in self.foreign:
            wanted += fields if child == table else []
            wanted += ref if parent == table else []
        wanted += self.claim_lists.get(table, [])
        if self.claim_lists and table == "claims":
            wanted.append("claim_id")
        return list(dict.fromkeys(wanted))


def key_plan(tables: list[TableInput]) -> KeyPlan:
    """The key checks among the tables being checked (a reference to a table not here, or to fields
    it does not have, is skipped)."""
    from ...ingest.schemas import foreign_keys
    from ..rules import CLAIM_LIST_COLUMNS

    fields_of = {t.name: {f["name"] for f in t.schema["fields"]} for t in tables}
    plan = KeyPlan()
    for table in tables:
        schema = table.schema
        key = schema.get("primaryKey") or []
        plan.primary[table.name] = [key] if isinstance(key, str) else list(key)
        for fk in foreign_keys(table.name, schema):
            if fk.resource in fields_of and set(fk.reference) <= fields_of[fk.resource]:  # else reported already
                plan.foreign.append((table.name, fk.fields, fk.resource, fk.reference))
        if "claims" in fields_of:
            lists = [f["name"] for f in schema["fields"] if f["type"] == "list" and
                     (f["name"].endswith("_claims") or f["name"] in CLAIM_LIST_COLUMNS)]
            if lists:
                plan.claim_lists[table.name] = lists
    return plan


def get_engine(name: str):
    """The engine of that name; one whose libraries are not installed says how to install them."""
    if name not in ENGINES:
        raise UsageError(f"unknown engine '{name}'", hint=f"choose one of: {', '.join(ENGINES)}")
    return importlib.import_module(f"{__name__}.{ENGINES[name]}").Engine()
