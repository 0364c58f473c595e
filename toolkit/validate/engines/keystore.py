"""The key store of the default engine (`arrow`): the columns the whole-table checks need of every
table, batch by batch, and the answers once every table is read: unique primary keys, foreign keys,
claim ids that exist. In memory while they are few, in an embedded DuckDB that spills to disk beyond.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..cells import Failures
from ..rules import ROW
from . import KeyPlan, TableInput

MEMORY_KEYS = 64 << 20  # bytes of key columns the key store holds in memory; beyond, it moves them into DuckDB
STORE_MEMORY = "256MB"  # DuckDB's memory as the key store; beyond it DuckDB spills to a temporary directory


def key_text(frame: pa.Table, fields: list[str]) -> tuple[pa.Array, pa.Array]:
    """A key as one text column (compound keys joined by an unprintable separator), and as shown."""
    parts = [pc.cast(frame.column(f), pa.string()) for f in fields]
    if len(parts) == 1:
        value = parts[0].combine_chunks() if isinstance(parts[0], pa.ChunkedArray) else parts[0]
        return value, value
    filled = [pc.fill_null(p, "") for p in parts]
    joined = pc.binary_join_element_wise(*filled, "\x1f"), pc.binary_join_element_wise(*filled, ", ")
    return tuple(j.combine_chunks() if isinstance(j, pa.ChunkedArray) else j for j in joined)

class KeyStore:
    """What the whole-table checks need of every table: the columns of its keys, of the references
    on either end, and of its claim lists, with the row they come from.

    While they come to less than MEMORY_KEYS bytes, the store holds those columns in memory and
    answers with pyarrow kernels: a package of a few million rows never starts a database. Beyond
    that, it moves them into an embedded DuckDB as 64-bit hashes (of each key, each reference, each
    claim id in a claim list), which spills to disk beyond STORE_MEMORY: memory stays bounded
    however long the tables are. Both answer the same questions with the same rows.

    Rows found duplicated or dangling are read back from the file for the message. In DuckDB a
    hash names a key, never a value: two different keys with one hash (odds about 1 in 10^8 for
    tables of a million rows) would be reported as duplicates, or hide a dangling reference. In
    memory, keys are compared whole."""

    def __init__(self, plan: KeyPlan, stored: set):
        self.plan = plan
        self.stored = stored  # the run's: the references and claim lists left to the store, filled as tables are read

    def __enter__(self):
        self.kept: list[tuple[str, pa.Table]] = []  # (table, its key columns), batch by batch, in file order
        self.size = 0
        self.db = None
        self.tables: set[str] = set()  # the tables with key columns, wherever they are
        self.created: set[str] = set()  # the tables DuckDB has (touched by the store's thread only)
        self.sources: list[pa.Table] = []
        self.worker, self.pending = None, []
        return self

    def __exit__(self, *exc):
        if self.db is not None:
            self.worker.shutdown(wait=True)
            self.db.close()
            shutil.rmtree(self.scratch, ignore_errors=True)

    def add(self, table: str, frame: pa.Table) -> None:
        """Keep this batch's key columns; once they are too many for memory, hash them into DuckDB on
        the store's own thread (DuckDB releases the interpreter lock, so the next batch's cells are
        checked meanwhile)."""
        columns = _store_columns(table, self.plan, self.stored)
        if columns is None:
            return
        self.tables.add(table)
        keys = frame.select(columns)
        if self.db is not None:
            self.pending.append(self.worker.submit(self._add, table, keys))
            return
        self.kept.append((table, keys))
        self.size += keys.nbytes
        if self.size > MEMORY_KEYS:
            self._spill()

    def _spill(self) -> None:
        """Start DuckDB and hash into it every batch held so far, in the order they came."""
        from concurrent.futures import ThreadPoolExecutor

        import duckdb

        self.scratch = Path(tempfile.mkdtemp(prefix="prisoner-data-keys-"))
        self.db = duckdb.connect(":memory:", config={"memory_limit": STORE_MEMORY, "threads": os.cpu_count() or 1,
                                                     "temp_directory": str(self.scratch),
                                                     "preserve_insertion_order": False})
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prisoner-data-keys")  # in file order
        kept, self.kept, self.size = self.kept, [], 0
        for table, keys in kept:
            self.pending.append(self.worker.submit(self._add, table, keys))

    def flush(self) -> None:
        for future in self.pending:
            future.result()
        self.pending = []

    def _add(self, table: str, frame: pa.Table) -> None:
        plan, stored = self.plan, self.stored
        groups = _groups(table, plan, stored)
        columns = [f"{ROW}"] + [f"{_hash(fields, label != 'pk')} AS {label}" for label, fields in groups]
        lists = plan.claim_lists.get(table, []) if ("claims", table) in stored else []
        incoming = frame  # noqa: F841 - DuckDB reads the Arrow table by this name
        if table not in self.created:
            self.db.execute(f"CREATE TABLE {_sql_name(table)} AS SELECT {', '.join(columns)} FROM incoming")
            if lists:
                self.db.execute(f"CREATE TABLE {_sql_name(table + '/items')} (row BIGINT, id UBIGINT)")
            self.created.add(table)
        else:
            self.db.execute(f"INSERT INTO {_sql_name(table)} SELECT {', '.join(columns)} FROM incoming")
        for column in lists:
            self.db.execute(f"INSERT INTO {_sql_name(table + '/items')} SELECT {ROW}, hash(id) FROM "
                            f"(SELECT {ROW}, unnest({_quote(column)}) AS id FROM incoming) WHERE id IS NOT NULL")

    def add_sources(self, frame: pa.Table) -> None:
        if {"source_id", "published", "published_precision"} <= set(frame.column_names):
            self.sources.append(frame.select(["source_id", "published", "published_precision"]))

    def publication_ends(self) -> dict:
        """Source id -> the last day of its publication period (day, month or year)."""
        from ...values import DateValue

        ends = {}
        for frame in self.sources:
            for source, published, precision in zip(*(frame.column(c).to_pylist() for c in frame.column_names)):
                if source is not None and published is not None:
                    length = {"year": 4, "month": 7}.get(precision, 10)
                    ends[source] = DateValue(published.isoformat()[:length]).end
        return ends

    def check_keys(self, readable: dict, found: dict[str, Failures], inputs: dict, read) -> None:
        """Duplicated primary keys, and the references and claim ids not checked batch by batch; the keys of
        failing rows are read back with `read(path, names)` (the engine's batches of a CSV)."""
        plan, stored = self.plan, self.stored
        failing = self._in_duckdb if self.db is not None else self._in_memory
        present = set(readable) & self.tables
        for table, fields in plan.primary.items():
            if fields and table in present:
                _report(failing("pk", table, fields=fields), inputs[table], fields, found[table], "duplicate-key",
                        f"primary key ({', '.join(fields)}) is not unique", "primaryKey must be unique",
                        "give each row its own key; remove the duplicate row", read=read)
        for index, (child, fields, parent, ref) in enumerate(plan.foreign):
            if ("fk", index) in stored and child in present and parent in present:
                target = f"{parent}.{','.join(ref)}"
                _report(failing("fk", child, index, fields, parent, ref), inputs[child], fields, found[child],
                        "dangling-reference", f"'{','.join(fields)}' refers to a row that does not exist in {target}",
                        f"foreign key -> {target}", f"use a value present in {target}", read=read)
        for table in plan.claim_lists:
            if ("claims", table) in stored and table in present and "claims" in present:
                from ..rules import MESSAGES

                message, hint = MESSAGES["claim-ids-exist"]
                _report(failing("claims", table, lists=plan.claim_lists[table]), None, [], found[table],
                        "claim-ids-exist", f"{found[table].display}: {message}", "claim-ids-exist", hint, field=None,
                        read=read)

    def _in_duckdb(self, check: str, table: str, index: int = 0, fields=(), parent: str = "", ref=(), lists=()
                   ) -> tuple[list[int], int]:
        """The first rows that fail a check (at most 20), and how many do, asked of DuckDB."""
        self.flush()
        if check == "pk":
            query = (f"SELECT {ROW} FROM {_sql_name(table)} WHERE pk IN (SELECT pk FROM {_sql_name(table)} "
                     "GROUP BY pk HAVING count(*) > 1)")
        elif check == "fk":
            query = (f"SELECT c.{ROW} FROM {_sql_name(table)} c WHERE c.fk{index} IS NOT NULL AND NOT EXISTS "
                     f"(SELECT 1 FROM {_sql_name(parent)} p WHERE p.ref{index} = c.fk{index})")
        else:
            query = (f"SELECT DISTINCT i.row AS {ROW} FROM {_sql_name(table + '/items')} i WHERE NOT EXISTS "
                     f"(SELECT 1 FROM {_sql_name('claims')} k WHERE k.claim = i.id)")
        rows = self.db.sql(f"SELECT {ROW}, count(*) OVER () FROM ({query}) failing ORDER BY {ROW} "
                           "LIMIT 20").fetchall()
        return [r[0] for r in rows], rows[0][1] if rows else 0

    def _in_memory(self, check: str, table: str, index: int = 0, fields=(), parent: str = "", ref=(), lists=()
                   ) -> tuple[list[int], int]:
        """The same, answered from the key columns held in memory."""
        frames = [keys for name, keys in self.kept if name == table]
        if check == "pk":
            together = pa.concat_tables(frames)
            codes = _codes(together, fields)
            ranked = np.sort(codes)
            same = ranked[1:] == ranked[:-1]
            if not same.any():
                return [], 0
            bad = [together.column(ROW).to_numpy()[np.isin(codes, ranked[1:][same])]]
        elif check == "fk":
            known = self._referenced(parent, ref)
            bad = [pc.filter(f.column(ROW), pc.and_(pc.is_valid(f.column(fields[0])),
                                                    pc.invert(pc.is_in(key_text(f, list(fields))[0], value_set=known))))
                   for f in frames]
        else:
            known = self._referenced("claims", ["claim_id"])
            bad = []
            for frame in frames:
                for column in lists:
                    items = frame.column(column).combine_chunks()
                    flat = pc.list_flatten(items)
                    missing = pc.and_(pc.is_valid(flat), pc.invert(pc.is_in(flat, value_set=known)))
                    bad.append(pc.take(frame.column(ROW), pc.filter(pc.list_parent_indices(items), missing)))
        rows = np.unique(np.concatenate([np.asarray(b if isinstance(b, np.ndarray) else b.to_numpy(), np.int64)
                                         for b in bad])) if bad else np.array([], np.int64)
        return rows[:20].tolist(), len(rows)

    def _referenced(self, table: str, fields: list[str]) -> pa.Array:
        """The keys a reference may point to: a table's values of these fields, the first one filled."""
        keys = [pc.filter(key_text(f, fields)[0], pc.is_valid(f.column(fields[0]))) for name, f in self.kept
                if name == table]
        return pc.unique(pa.chunked_array(keys, pa.string()).combine_chunks())


def _codes(table: pa.Table, fields: list[str]) -> np.ndarray:
    """A number per row, equal where the rows' values of `fields` are equal (an empty cell equal to an
    empty cell): each field dictionary-encoded, the codes combined. Far cheaper than hashing the
    joined key text when the fields repeat, as the parts of a compound key do."""
    codes, size = np.zeros(table.num_rows, dtype=np.int64), 1
    for name in fields:
        encoded = pc.dictionary_encode(table.column(name).combine_chunks(), null_encoding="encode")
        part, width = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), max(len(encoded.dictionary), 1)
        if size * width >= 1 << 62:  # renumber what there is so far, densely, before it overflows
            distinct, codes = np.unique(codes, return_inverse=True)
            size = len(distinct)
        codes, size = codes * width + part, size * width
    return codes


def _report(failing: tuple[list[int], int], table: TableInput | None, fields: list[str], failures: Failures,
            type_: str, message: str, rule: str, hint: str, field: str | None = "", *, read) -> None:
    """The failing rows of a whole-table check as an issue, with the keys read back from the file."""
    numbers, count = failing
    if not numbers:
        return
    shown = values_at(table, numbers, fields, read) if table is not None and fields else {}
    failures.add(type_, message, rule, hint, ",".join(fields) if field == "" else field, numbers,
                 [shown.get(n) for n in numbers] if shown else None, count=count)


def _store_columns(table: str, plan: KeyPlan, stored: set) -> list[str] | None:
    """The columns of a table the key store keeps (None: none)."""
    groups = _groups(table, plan, stored)
    lists = plan.claim_lists.get(table, []) if ("claims", table) in stored else []
    if not groups and not lists:
        return None
    return list(dict.fromkeys([ROW, *(f for _, fields in groups for f in fields), *lists]))


def _groups(table: str, plan: KeyPlan, stored: set) -> list[tuple[str, list[str]]]:
    """The hashed columns of a table: its primary key, the references left to the store on either
    end, and its claim id when a claim list is left to the store."""
    groups = []
    if plan.primary.get(table):
        groups.append(("pk", plan.primary[table]))
    for index, (child, fields, parent, ref) in enumerate(plan.foreign):
        if child == table and ("fk", index) in stored:
            groups.append((f"fk{index}", fields))
        if parent == table:
            groups.append((f"ref{index}", ref))
    if table == "claims" and plan.claim_lists:
        groups.append(("claim", ["claim_id"]))
    return groups


def _hash(fields: list[str], reference: bool) -> str:
    """A key's hash, the same for equal texts (a reference whose first field is empty refers to nothing)."""
    parts = ", ".join(f"CAST({_quote(f)} AS VARCHAR)" for f in fields)
    return f"CASE WHEN {_quote(fields[0])} IS NULL THEN NULL ELSE hash({parts}) END" if reference else f"hash({parts})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def values_at(table: TableInput, rows: list[int], fields: list[str], read) -> dict[int, str]:
    """The key text of a few rows, read back from the CSV (only when a key check failed)."""
    wanted, found, offset = sorted(set(rows)), {}, 0
    names = [f["name"] for f in table.schema["fields"]]
    try:
        for batch in read(table.path, names):
            here = [r - offset for r in wanted if offset <= r < offset + batch.num_rows]
            if here:
                picked = batch.select(fields).take(pa.array(here))
                for position, row in enumerate(here):
                    found[row + offset] = ", ".join("" if picked.column(i)[position].as_py() is None
                                                    else str(picked.column(i)[position].as_py())
                                                    for i in range(len(fields)))
            offset += batch.num_rows
            if offset > wanted[-1]:
                break
    except pa.ArrowInvalid:
        pass
    return found


def _sql_name(table: str) -> str:
    return '"t_' + table.replace('"', "") + '"'
