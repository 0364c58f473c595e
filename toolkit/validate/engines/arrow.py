"""The default engine: each CSV streamed in record batches, memory bounded by the batch.

Per batch: every cell is checked with pyarrow compute kernels (no Python loop per cell), the
batch is cast to the schema's types, pandera runs the table's cross-field rules on it, and the
columns the whole-table checks need (keys, references, claim lists) go to a key store: held in
memory while they are few, moved into an embedded DuckDB that spills to disk beyond that. When
every table has been read, the store answers the whole-table checks: unique primary keys, foreign
keys, claim ids that exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from ...report import Report
from ..arrowtypes import ARROW_TYPES
from ..cells import (CONTROL, DATE, FORMULA_STARTS, INTEGER, NUMBER, PLAIN_NUMBER, CellRule, Failures, LineMap,
                     cell_rules, malformed, table_header)
from ..rules import PUBLISHED_END, ROW, breaking, build_model, failing_checks
from . import TableInput, TableResult, key_plan
from .keystore import KeyStore, key_text

BLOCK_BYTES = 4 << 20  # CSV bytes per record batch
PATTERNS = {"integer": INTEGER, "number": NUMBER, "date": DATE}


SMALL_PARENT = 2_000_000  # distinct keys of a referenced table kept in memory to check references batch by batch


class Engine:
    name = "pyarrow"

    def check(self, tables: list[TableInput], report: Report, digests: set[str] = frozenset(), rules: bool = True
              ) -> dict[str, TableResult]:
        """Check every table; `digests` names the tables whose typed columns are to be digested."""
        run = Run(tables, report, digests, rules)
        with KeyStore(run.plan, run.stored) as store:
            run.store = store
            for table in run.order():
                run.stream(table)
            store.check_keys(run.readable(), run.found, {t.name: t for t in tables}, read_csv)
        for table in tables:
            result = run.results[table.name]
            report.extend(run.found[table.name].issues(LineMap(None if table.parquet else table.path, result.rows)))
        return run.results


class Run:
    """One validation: the tables in the order their references need, what each has told so far."""

    def __init__(self, tables: list[TableInput], report: Report, digests: set[str], rules: bool):
        self.tables, self.report, self.digests, self.rules = tables, report, digests, rules
        self.plan = key_plan(tables)
        self.results: dict[str, TableResult] = {}
        self.found = {t.name: Failures(t.display, t.name) for t in tables}
        self.published: dict | None = None
        self.known: dict[tuple, pa.Array | None] = {}  # (table, key fields) -> its distinct keys, when few enough
        self.stored: set = set()  # references and claim lists left to the key store
        self.store: KeyStore | None = None

    def order(self) -> list[TableInput]:
        """Referenced tables before the tables that refer to them (claims before claim lists, sources
        before claims), so most references are checked batch by batch against keys in memory."""
        needs = {t.name: set() for t in self.tables}
        for child, _, parent, _ in self.plan.foreign:
            if parent != child:
                needs[child].add(parent)
        for table in self.plan.claim_lists:
            if table != "claims" and "claims" in needs:
                needs[table].add("claims")
        if "claims" in needs and "sources" in needs:
            needs["claims"].add("sources")
        ordered, done = [], set()
        while len(ordered) < len(self.tables):
            ready = [t for t in self.tables if t.name not in done and needs[t.name] <= done] or \
                [t for t in self.tables if t.name not in done][:1]  # a cycle: take the next in descriptor order
            for table in ready:
                ordered.append(table)
                done.add(table.name)
        return ordered

    def readable(self) -> dict:
        return {n: r for n, r in self.results.items() if r.rows is not None}

    def stream(self, table: TableInput) -> None:
        self.results[table.name] = stream_table(table, self)
        if table.name == "sources" and self.results[table.name].rows is not None:
            self.published = self.store.publication_ends()

    def parent_keys(self, parent: str, fields: list[str]) -> pa.Array | None:
        """The distinct keys of a table already read, if it was read and they were few enough."""
        if parent not in self.readable():
            return None
        return self.known.get((parent, tuple(fields)))


def stream_table(table: TableInput, run: Run) -> TableResult:
    """Read one table batch by batch and run every per-row check on each batch."""
    fields = table.schema["fields"]
    names = [f["name"] for f in fields]
    source = ParquetText(table, run.report) if table.parquet else _csv_batches(table, run.report)
    if source is None:
        return TableResult(None)
    columns = {f["name"]: f["type"] for f in fields}
    if table.name == "claims" and run.published is not None:
        columns[PUBLISHED_END] = "date"
    model = build_model(table.name, columns, "pyarrow") if run.rules else None
    checks = [cell_rules(f) for f in fields]
    # lists are split only where an item is looked at (claim ids, the Parquet twin's digest);
    # elsewhere a list column stays text: the rules only ask whether it is empty
    split = {f["name"] for f in fields if f["type"] == "list"} if table.name in run.digests else \
        set(run.plan.claim_lists.get(table.name, []))
    references = References(table, run)
    hashes = {name: ColumnDigest() for name in names} if table.name in run.digests else None
    failures, offset, pending = run.found[table.name], 0, []
    try:
        for batch in _at_least_one(source, names):
            typed = [check_column(batch.column(i), field, checks[i], failures, offset, field["name"] in split)
                     for i, field in enumerate(fields)]
            rows = pa.array(np.arange(offset, offset + batch.num_rows, dtype=np.int64))
            frame = pa.Table.from_arrays([*typed, rows], names=[*names, ROW])
            references.check(frame, offset)
            if table.name == "sources":
                run.store.add_sources(frame)
            if model is not None:
                pending = rules_in_bulk(model, pending, frame, failures, columns, run)
            if hashes is not None:
                for name, array in zip(names, typed):
                    hashes[name].update(array)
            offset += batch.num_rows
        if model is not None and pending:
            rules_in_bulk(model, pending, None, failures, columns, run)
    except pa.ArrowInvalid as exc:
        run.report.extend([malformed(table.path, table.display, table.name, str(exc))])
        return TableResult(None)
    if table.parquet and not source.complete:
        return TableResult(None)
    references.finish()
    return TableResult(offset, {n: h.hexdigest() for n, h in hashes.items()} if hashes else None)


class References:
    """A table's keys and references, batch by batch: references to tables already read are checked
    against their keys in memory; the rest (and every primary key) go to the key store as hashes."""

    def __init__(self, table: TableInput, run: Run):
        self.table, self.run, self.name = table, run, table.name
        plan = run.plan
        self.local = []  # (index, fields, parent, ref, parent keys) checked here
        for index, (child, fields, parent, ref) in enumerate(plan.foreign):
            if child == self.name:
                keys = run.parent_keys(parent, ref) if parent != child else None
                if keys is not None:
                    self.local.append((index, fields, parent, ref, keys))
                else:
                    run.stored.add(("fk", index))
        self.claim_ids = None
        if self.name in plan.claim_lists:
            self.claim_ids = run.parent_keys("claims", ["claim_id"])
            if self.claim_ids is None:
                run.stored.add(("claims", self.name))
        self.answers = [tuple(ref) for child, _, parent, ref in plan.foreign if parent == self.name]
        if self.name == "claims" and plan.claim_lists:
            self.answers.append(("claim_id",))
        self.distinct: dict[tuple, list] = {fields: [] for fields in dict.fromkeys(self.answers)}

    def check(self, frame: pa.Table, offset: int) -> None:
        failures = self.run.found[self.name]
        for _, fields, parent, ref, keys in self.local:
            values, shown = key_text(frame, fields)
            present = pc.is_valid(frame.column(fields[0]))
            dangling = pc.and_(present, pc.invert(pc.is_in(values, value_set=keys)))
            if pc.any(dangling).as_py():
                rows = np.flatnonzero(pc.fill_null(dangling, False).to_numpy(zero_copy_only=False))
                target = f"{parent}.{','.join(ref)}"
                failures.add("dangling-reference", f"'{','.join(fields)}' refers to a row that does not exist in "
                             f"{target}", f"foreign key -> {target}", f"use a value present in {target}",
                             ",".join(fields), (rows[:20] + offset).tolist(),
                             shown.take(pa.array(rows[:20])).to_pylist(), count=len(rows))
        if self.claim_ids is not None:
            self._check_claims(frame, offset, failures)
        for fields in self.distinct:
            kept = self.distinct[fields]
            if kept is not None:
                kept.append(pc.unique(key_text(frame, list(fields))[0]))
                if sum(len(k) for k in kept) > 4 * SMALL_PARENT:
                    self.distinct[fields] = None
        self.run.store.add(self.name, frame)

    def _check_claims(self, frame: pa.Table, offset: int, failures: Failures) -> None:
        from ..rules import MESSAGES

        bad = None
        for column in self.run.plan.claim_lists[self.name]:
            lists = frame.column(column)
            flat = pc.list_flatten(lists)
            missing = pc.and_(pc.is_valid(flat), pc.invert(pc.is_in(flat, value_set=self.claim_ids)))
            if pc.any(missing).as_py():
                parents = pc.filter(pc.list_parent_indices(lists), missing).to_numpy()
                bad = parents if bad is None else np.concatenate([bad, parents])
        if bad is not None:
            rows = np.unique(bad)
            message, hint = MESSAGES["claim-ids-exist"]
            failures.add("claim-ids-exist", f"{failures.display}: {message}", "claim-ids-exist", hint, None,
                         (rows[:20] + offset).tolist(), count=len(rows))

    def finish(self) -> None:
        """Keep this table's distinct keys for the tables that refer to it, when they are few enough."""
        for fields, kept in self.distinct.items():
            keys = pc.unique(pa.chunked_array(kept, type=pa.string()).combine_chunks()) if kept else \
                pa.array([], pa.string())
            self.run.known[(self.name, fields)] = None if kept is None or len(keys) > SMALL_PARENT else keys


def _at_least_one(batches, names: list[str]):
    """The batches, or one empty batch for a table with no rows: a table with only its header is
    still a table, whose keys are none (so every reference into it dangles)."""
    empty = True
    for batch in batches:
        empty = False
        yield batch
    if empty:
        yield pa.RecordBatch.from_arrays([pa.array([], pa.string()) for _ in names], names=names)


def _csv_batches(table: TableInput, report: Report):
    """The CSV's batches, every column as text (empty cells are null), after its header passed."""
    names, issues = table_header(table.path, table.display, table.name, table.schema)
    report.extend(issues)
    return None if names is None else read_csv(table.path, names)


def read_csv(path: Path, names: list[str]):
    """Batches of the CSV, every column as text (empty cells null); opened lazily, so a file that is not
    UTF-8 or has a ragged row fails where the batches are read (and is reported there)."""
    options = pv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True)
    yield from pv.open_csv(path, read_options=pv.ReadOptions(block_size=BLOCK_BYTES, use_threads=True),
                           convert_options=options)


class ParquetText:
    """A Parquet resource's batches as the text a CSV of it holds, so the same checks apply."""

    def __init__(self, table: TableInput, report: Report):
        self.table, self.report, self.complete = table, report, False

    def __iter__(self):
        from ..parquet import as_text, batches, declared_schema, open_bounded

        where = dict(file=self.table.display, resource=self.table.name)
        declared = declared_schema(self.table.schema)
        if open_bounded(self.table.path, self.table.display, declared, None, self.table.budget, self.report,
                        where) is None:
            return
        before = len(self.report.issues)
        for batch in batches(self.table.path, declared, self.table.display, self.table.budget, self.report, where):
            yield as_text(batch, self.table.schema)
        self.complete = len(self.report.issues) == before


# --- cells --------------------------------------------------------------------------------------------------

def check_column(raw: pa.Array, field: dict, checks: list[CellRule], failures: Failures, offset: int,
                 split: bool = True) -> pa.Array:
    """Check one column of one batch, cell by cell but vectorized; return it cast to its type (a list
    column left as text unless `split`)."""
    typed, valid = (raw, None) if field["type"] == "list" and not split else cast(raw, field)
    for check in checks:
        bad = _failing(check, raw, typed, valid)
        if bad is not None:
            report_rows(failures, check, bad, raw, offset)
    return typed


def cast(raw: pa.Array, field: dict) -> tuple[pa.Array, pa.Array | None]:
    """Text to the field's type, and which cells are of it: the same rule (a pattern) in every engine."""
    kind = field["type"]
    if kind == "string":
        return raw, None
    if kind == "list":
        return pc.split_pattern(raw, pattern=field.get("delimiter", ",")), None
    if kind == "boolean":
        valid = pc.is_in(raw, value_set=pa.array(["true", "false"]))
        return pc.if_else(valid, pc.equal(raw, "true"), pa.scalar(None, pa.bool_())), valid
    valid = _integers(raw) if kind == "integer" else pc.match_substring_regex(raw, PATTERNS[kind])
    clean = pc.if_else(valid, raw, pa.scalar(None, pa.string()))
    if kind == "date":
        stamps = pc.strptime(clean, format="%Y-%m-%d", unit="s", error_is_null=True)
        real = pc.equal(pc.strftime(stamps, format="%Y-%m-%d"), clean)  # strptime rolls 2025-02-30 over
        typed = pc.if_else(real, pc.cast(stamps, pa.date32()), pa.scalar(None, pa.date32()))
        return typed, pc.fill_null(real, False)
    return pc.cast(clean, ARROW_TYPES[kind]), valid


def _integers(raw: pa.Array) -> pa.Array:
    """Which cells match the integer pattern (-?[0-9]{1,18}), with two cheap kernels instead of a pattern."""
    digits = pc.ascii_is_decimal(raw)
    size = pc.binary_length(raw)
    plain = pc.and_(digits, pc.less_equal(size, 18))
    if pc.all(pc.or_(pc.fill_null(plain, True), pc.is_null(raw))).as_py():
        return plain
    signed = pc.and_(pc.starts_with(raw, "-"), pc.ascii_is_decimal(pc.utf8_slice_codeunits(raw, 1)))
    return pc.or_(plain, pc.and_(signed, pc.less_equal(size, 19)))


def _failing(check: CellRule, raw: pa.Array, typed: pa.Array, valid):
    """The mask of cells that break `check` (None for a check that cannot fail here)."""
    present = pc.is_valid(raw)
    if check.kind == "type":
        return None if valid is None else pc.and_(present, pc.invert(pc.fill_null(valid, False)))
    if check.kind == "required":
        return pc.invert(present)
    if check.kind == "enum":
        return pc.and_(present, pc.invert(pc.is_in(raw, value_set=pa.array(check.param, type=pa.string()))))
    if check.kind == "pattern":
        return pc.invert(pc.match_substring_regex(raw, check.param))
    if check.kind in ("minimum", "maximum"):
        op = pc.less if check.kind == "minimum" else pc.greater
        bound = dt.date.fromisoformat(check.param) if check.field_type == "date" else check.param
        return op(typed, pa.scalar(bound, typed.type))
    if check.kind in ("minLength", "maxLength"):
        op = pc.less if check.kind == "minLength" else pc.greater
        return op(pc.utf8_length(raw), check.param)
    if check.kind == "control":
        return pc.match_substring_regex(raw, CONTROL) if _has_control_bytes(raw) else None
    if check.kind == "formula":
        first = _starts_with_formula(raw)
        if first is None:
            return None
        return pc.and_(first, pc.invert(pc.match_substring_regex(raw, PLAIN_NUMBER)))
    raise ValueError(f"unknown cell check {check.kind}")


FORMULA_BYTES = np.frombuffer("".join(FORMULA_STARTS).encode(), dtype=np.uint8)


def _starts_with_formula(raw: pa.Array):
    """Cells whose first character is one a spreadsheet takes as a formula; None when there are none.
    Read from the column's first bytes, without slicing every cell."""
    if raw.null_count == len(raw) or not pa.types.is_string(raw.type):
        return None
    offsets = np.frombuffer(raw.buffers()[1], dtype=np.int32)[raw.offset:raw.offset + len(raw) + 1]
    data = np.frombuffer(raw.buffers()[2], dtype=np.uint8) if raw.buffers()[2] is not None else np.zeros(1, np.uint8)
    starts = np.minimum(offsets[:-1], max(len(data) - 1, 0))
    first = np.where(np.diff(offsets) > 0, data[starts] if len(data) else 0, 0)
    hits = np.isin(first, FORMULA_BYTES)
    if not hits.any():
        return None
    return pc.and_(pa.array(hits), pc.is_valid(raw))


PRINTABLE = bytes(b for b in range(256) if (b >= 0x20 or b in (0x09, 0x0A, 0x0D)) and b != 0x7F)


def _has_control_bytes(raw: pa.Array) -> bool:
    """Whether any cell holds a control byte: one pass over the column's bytes, far cheaper than a
    pattern per cell (the pattern then finds the rows, only when there is something to find)."""
    if raw.null_count == len(raw):
        return False
    offsets = np.frombuffer(raw.buffers()[1], dtype=np.int32 if pa.types.is_string(raw.type) else np.int64)
    start, end = offsets[raw.offset], offsets[raw.offset + len(raw)]
    data = bytes(memoryview(raw.buffers()[2])[start:end]) if end > start else b""
    return bool(data.translate(None, PRINTABLE))


def report_rows(failures: Failures, check: CellRule, mask, raw: pa.Array, offset: int) -> None:
    if not pc.any(mask).as_py():
        return
    rows = np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))
    if len(rows):
        shown = rows[:20]
        failures.add_rule(check, (shown + offset).tolist(), raw.take(pa.array(shown)).to_pylist(), count=len(rows))


# --- rules --------------------------------------------------------------------------------------------------

RULE_ROWS = 1 << 18  # rows the cross-field rules are run on at a time: pandera's cost is per call


def rules_in_bulk(model, pending: list, frame: pa.Table | None, failures: Failures, columns: dict, run: Run) -> list:
    """Gather batches until there are RULE_ROWS rows (or the table ends: `frame` None), then run the rules."""
    if frame is not None:
        pending = pending + [frame]
        if sum(f.num_rows for f in pending) < RULE_ROWS:
            return pending
    together = pa.concat_tables(pending)
    run_rules(model, _with_publication(together, run.published) if PUBLISHED_END in columns else together, failures)
    return []


def run_rules(model, frame: pa.Table, failures: Failures) -> None:
    """pandera runs the table's model on the batch; the rows of each rule it finds broken are reported."""
    import narwhals.stable.v1 as nw

    for slug in failing_checks(model, frame):
        item = next(r for r in model.rules if r.slug == slug)
        wrapped = nw.from_native(frame, eager_only=True)
        bad = wrapped.filter(breaking(model.expressions[slug])).select(ROW).to_native().column(ROW)
        failures.add(item.slug, f"{failures.display}: {item.message}", item.slug, item.hint, None,
                     bad.slice(0, 20).to_pylist(), count=len(bad))


def _with_publication(frame: pa.Table, published: dict | None) -> pa.Table:
    """Claims with the last day of their source's publication period beside them."""
    ids = pa.array(list(published) if published else [], pa.string())
    ends = pa.array(list(published.values()) if published else [], pa.date32())
    position = pc.index_in(frame.column("source_id"), value_set=ids)
    return frame.append_column(PUBLISHED_END, pc.take(ends, position))


# --- digests of typed columns (a table and its Parquet twin hold the same values) ----------------------------

def csv_digests(table: TableInput) -> dict[str, str] | None:
    """A digest per typed column of a CSV, read in batches (for engines that do not compute them)."""
    source = _csv_batches(table, Report())
    if source is None:
        return None
    digests = {f["name"]: ColumnDigest() for f in table.schema["fields"]}
    try:
        for batch in source:
            for i, field in enumerate(table.schema["fields"]):
                digests[field["name"]].update(cast(batch.column(i), field)[0])
    except pa.ArrowInvalid:
        return None
    return {n: d.hexdigest() for n, d in digests.items()}


class ColumnDigest:
    """A digest of a typed column's values that does not depend on how the column arrives in pieces.

    Validity, lengths and value bytes each go into a stream of their own (per nesting level), so
    the digest of a column read in one batch equals that of the same column read in a thousand."""

    def __init__(self):
        self.streams: dict[str, object] = {}

    def _feed(self, stream: str, data) -> None:
        if not len(data):  # an empty piece adds nothing, so a table read as no batches or one empty is the same
            return
        if stream not in self.streams:
            self.streams[stream] = hashlib.sha1()
        self.streams[stream].update(data)

    def update(self, array, level: str = "") -> None:
        if isinstance(array, pa.ChunkedArray):
            for chunk in array.chunks:
                self.update(chunk, level)
            return
        self._feed(level + "valid", pc.is_valid(array).to_numpy(zero_copy_only=False).astype(np.uint8).tobytes())
        if pa.types.is_list(array.type):
            self._feed(level + "items", pc.fill_null(pc.list_value_length(array), 0).to_numpy().astype(np.int64).tobytes())
            self.update(pc.list_flatten(array), level + "[]")
        elif pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
            filled = pc.fill_null(array, "")
            self._feed(level + "lengths", pc.binary_length(filled).to_numpy(zero_copy_only=False).astype(np.int64).tobytes())
            offsets = np.frombuffer(filled.buffers()[1], dtype=np.int32 if pa.types.is_string(filled.type) else np.int64)
            start, end = offsets[filled.offset], offsets[filled.offset + len(filled)]
            self._feed(level + "bytes", memoryview(filled.buffers()[2])[start:end] if end > start else b"")
        else:
            zero = pa.scalar(False if pa.types.is_boolean(array.type) else 0, array.type)
            self._feed(level + "values", pc.fill_null(array, zero).to_numpy(zero_copy_only=False).tobytes())

    def hexdigest(self) -> str:
        return hashlib.sha1("".join(f"{k}:{h.hexdigest()};" for k, h in sorted(self.streams.items())).encode()
                            ).hexdigest()
