"""Vectorized checks of a CSV resource against its Frictionless table schema.

The file is read once by pyarrow with every column as text, then each field is
cast and checked with pyarrow compute kernels: type, required, enum, pattern,
minimum/maximum, length, cells a spreadsheet would run as a formula, unique
primary keys. No Python loop runs per cell; only the failing rows are turned
into Issues, each naming the file, line, column, value and rule.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from ..report import Issue

MAX_CELLS_PER_RULE = 20  # cells listed per column and rule; the rest are summarized
MAX_HEADER_BYTES = 1 << 20  # a header longer than this is not the schema's field names
INTEGER = r"^-?[0-9]{1,18}$"  # exactly what the cast to int64 accepts
NUMBER = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]
PLAIN_NUMBER = r"^[+-]?[0-9.,]+%?$"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # tab, line feed and carriage return are allowed
ARROW_TYPES = {
    "string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
    "date": pa.date32(), "list": pa.list_(pa.string()),
}


@dataclass
class CheckedTable:
    """A resource read and cast to its schema types, with its issues."""

    name: str
    table: pa.Table | None
    issues: list[Issue]
    lines: "LineMap"


class LineMap:
    """Row index -> physical CSV line; exact even when quoted cells span lines."""

    def __init__(self, path: Path, rows: int):
        self.path, self.rows, self._starts = path, rows, None

    def line(self, row: int) -> int:
        if self._starts is None:
            self._starts = self._scan()
        return self._starts[row] if row < len(self._starts) else row + 2

    def _scan(self) -> list[int]:
        data = self.path.read_bytes()
        if data.count(b"\n") <= self.rows + 1:
            return list(range(2, self.rows + 2))  # no cell spans lines
        reader = csv.reader(io.StringIO(data.decode("utf-8", errors="replace"), newline=""))
        next(reader, None)
        starts, line = [], reader.line_num + 1
        for _ in reader:
            starts.append(line)
            line = reader.line_num + 1
        return starts


def read_as_text(path: Path, display: str, resource: str, width: int | None = None
                 ) -> tuple[pa.Table | None, list[Issue]]:
    """Read a CSV with every column as text (empty cells are null).

    The header is read first, bounded, and a file whose header is not `width` columns wide is
    not read further: a hostile file of 300,000 columns costs one bounded line, not gigabytes."""
    where = dict(file=display, resource=resource)
    with path.open("rb") as handle:
        head = handle.readline(MAX_HEADER_BYTES + 1)
    if len(head) > MAX_HEADER_BYTES:
        return None, [Issue("header-too-long", f"{display}: the header line is longer than {MAX_HEADER_BYTES:,} "
                            "bytes; not read", line=1, hint="the header must be the schema's field names", **where)]
    if not head.strip():
        return None, [Issue("empty-file", f"{display} is empty: no header row", line=1, **where)]
    issues = []
    if head.startswith(b"\xef\xbb\xbf"):
        issues.append(Issue("byte-order-mark", f"{display} starts with a byte-order mark", line=1,
                            hint="save the file as UTF-8 without BOM", **where))
    if head.endswith(b"\r\n"):
        issues.append(Issue("crlf-line-endings", f"{display} uses CRLF line ends", line=1,
                            hint="the package is written with \\n line ends; regenerate it with prisoner-data build",
                            **where))
    try:
        names = next(csv.reader([head.decode("utf-8-sig").rstrip("\r\n")]))
    except (UnicodeDecodeError, csv.Error):
        return None, issues + [Issue("encoding-error", f"{display} header is not valid UTF-8 CSV", line=1, **where)]
    if width is not None and len(names) != width:
        return None, issues + [Issue("header-mismatch", f"{display}: the header has {len(names)} columns, the "
                                     f"schema {width}; the data was not read", line=1, value=",".join(names)[:200],
                                     hint="columns must be exactly the schema's fields, in order", **where)]
    options = pv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True)
    try:
        table = pv.read_csv(path, read_options=pv.ReadOptions(use_threads=True, block_size=1 << 24),
                            convert_options=options)
    except pa.ArrowInvalid as exc:
        return None, issues + [_parse_issue(path, display, resource, str(exc))]
    return table, issues


def _parse_issue(path: Path, display: str, resource: str, message: str) -> Issue:
    where = dict(file=display, resource=resource)
    if "UTF8" in message or "UTF-8" in message:
        line = _first_bad_utf8_line(path)
        return Issue("encoding-error", f"{display} is not valid UTF-8", line=line, hint="save the file as UTF-8", **where)
    row = re.search(r"Row #(\d+)", message)
    counts = re.search(r"Expected (\d+) columns, got (\d+)", message)
    text = f"{display}: row has the wrong number of cells"
    if counts:
        text += f" (expected {counts.group(1)}, got {counts.group(2)}); the file may be truncated or a quote unclosed"
    line = int(row.group(1)) if row else _first_ragged_line(path)
    return Issue("malformed-csv", text, line=line, rule=message[:200],
                 hint="restore the file; every row needs one cell per column", **where)


def _first_ragged_line(path: Path) -> int | None:
    """Line of the first record whose cell count differs from the header's (error path only)."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        width = len(next(reader, []))
        start = reader.line_num + 1
        for record in reader:
            if len(record) != width:
                return start
            start = reader.line_num + 1
    return None


def _first_bad_utf8_line(path: Path) -> int:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return 1


def check_csv(path: Path, schema: dict, resource: str, display: str) -> CheckedTable:
    """Read one CSV resource and check every cell against the schema, vectorized."""
    raw, issues = read_as_text(path, display, resource, width=len(schema["fields"]))
    lines = LineMap(path, raw.num_rows if raw is not None else 0)
    if raw is None:
        return CheckedTable(resource, None, issues, lines)
    fields = schema["fields"]
    expected = [f["name"] for f in fields]
    header = [n.lstrip("\ufeff") for n in raw.column_names]
    if header != expected:
        issues.append(Issue("header-mismatch", f"{display}: header does not match the schema", file=display, line=1,
                            resource=resource, value=",".join(header)[:200], rule=f"expected {','.join(expected)}",
                            hint="columns must be exactly the schema's fields, in order"))
        return CheckedTable(resource, None, issues, lines)
    return check_text_table(raw, schema, resource, display, lines, issues)


def check_text_table(raw: pa.Table, schema: dict, resource: str, display: str, lines, issues: list[Issue]
                     ) -> CheckedTable:
    """Check a table of text columns against the schema; the result holds it cast to the schema's types."""
    fields = schema["fields"]
    cells = CellReporter(display, resource, lines, issues)
    columns = [_check_field(raw.column(i), field, cells) for i, field in enumerate(fields)]
    table = pa.Table.from_arrays(columns, schema=pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]]) for f in fields]))
    _check_primary_key(table, schema, cells)
    return CheckedTable(resource, table, issues, lines)


class RowMap:
    """Row index -> no line: a Parquet file has rows, not lines."""

    path = None

    def line(self, row: int) -> None:
        return None


def as_text(table: pa.Table, schema: dict) -> pa.Table:
    """A typed table (read from Parquet) as the text a CSV of it holds, so the same checks apply."""
    columns = []
    for field in schema["fields"]:
        column = table.column(field["name"])
        if field["type"] == "list":
            column = pc.binary_join(column, field.get("delimiter", ","))
        elif field["type"] == "date":
            column = pc.strftime(column, format="%Y-%m-%d")
        elif field["type"] == "boolean":
            column = pc.if_else(column, "true", "false")
        else:
            column = pc.cast(column, pa.string())
        columns.append(column)
    return pa.Table.from_arrays(columns, names=[f["name"] for f in schema["fields"]])


class CellReporter:
    """Turns a boolean mask of failing rows into Issues (at most MAX_CELLS_PER_RULE each)."""

    def __init__(self, display, resource, lines: LineMap, issues: list[Issue]):
        self.display, self.resource, self.lines, self.issues = display, resource, lines, issues

    def report(self, mask, values, field: str, type_: str, message: str, rule: str, hint: str | None = None,
               severity: str = "error") -> None:
        rows = np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))
        for row in rows[:MAX_CELLS_PER_RULE]:
            value = values[int(row)].as_py() if values is not None else None
            self.issues.append(Issue(
                type_, f"{message}", severity=severity, file=self.display, line=self.lines.line(int(row)),
                resource=self.resource, row=int(row) + 1, field=field,
                value=None if value is None else str(value)[:200], rule=rule, hint=hint,
            ))
        if len(rows) > MAX_CELLS_PER_RULE:
            self.issues.append(Issue(
                type_, f"… and {len(rows) - MAX_CELLS_PER_RULE} more rows of {self.display} break this rule in "
                f"column '{field}'", severity=severity, file=self.display, resource=self.resource, field=field,
                rule=rule, hint=hint,
            ))


def _check_field(column: pa.ChunkedArray, field: dict, cells: CellReporter) -> pa.ChunkedArray:
    name, kind = field["name"], field["type"]
    constraints = field.get("constraints", {})
    present = pc.is_valid(column)
    typed, bad = _cast(column, field)
    if bad is not None:
        cells.report(bad, column, name, "type-error", f"'{name}' must be of type {kind}"
                     + (" (YYYY-MM-DD, a real date)" if kind == "date" else ""), rule=f"type: {kind}",
                     hint=_TYPE_HINTS.get(kind))
    if constraints.get("required"):
        cells.report(pc.invert(present), None, name, "required-missing", f"'{name}' is required but empty",
                     rule="required", hint="fill in the value")
    _check_constraints(column, typed, field, cells)
    if kind in ("string", "list"):
        cells.report(pc.match_substring_regex(column, CONTROL), column, name, "control-character",
                     f"'{name}' contains a NUL or other control character", rule="text cells hold printable text",
                     hint="remove the control character; a NUL byte truncates the cell in many readers")
        first = pc.utf8_slice_codeunits(column, 0, 1)
        formula = pc.is_in(first, value_set=pa.array(FORMULA_STARTS))
        if pc.any(formula).as_py():  # only then look closer: "-5" is a number, not a formula
            formula = pc.and_(formula, pc.invert(pc.match_substring_regex(column, PLAIN_NUMBER)))
        cells.report(formula, column, name, "formula-injection",
                     f"'{name}' starts with a character a spreadsheet runs as a formula (=, +, -, @)",
                     rule="no cell may start with =, +, -, @, tab or carriage return",
                     hint="reword the text so it starts with a letter, digit or quote mark")
    return typed


_TYPE_HINTS = {
    "integer": "write a whole number without separators",
    "number": "write a number with a dot for decimals",
    "boolean": "write true or false",
    "date": "write an existing date as YYYY-MM-DD",
}


def _cast(column: pa.ChunkedArray, field: dict):
    """Cast text to the field type; return (typed column, mask of cells that do not parse)."""
    kind = field["type"]
    if kind == "string":
        return column, None
    if kind == "list":
        return pc.split_pattern(column, pattern=field.get("delimiter", ",")), None
    if kind == "boolean":
        ok = pc.is_in(column, value_set=pa.array(["true", "false"]))
        return pc.if_else(ok, pc.equal(column, "true"), None), pc.and_(pc.is_valid(column), pc.invert(ok))
    try:  # valid data takes one strict cast; only a failing column is searched cell by cell
        return pc.cast(column, ARROW_TYPES[kind]), None
    except pa.ArrowInvalid:
        pass
    pattern = {"integer": INTEGER, "number": NUMBER, "date": DATE}[kind]
    ok = pc.match_substring_regex(column, pattern)
    clean = pc.if_else(ok, column, None)
    if kind == "date":
        stamps = pc.strptime(clean, format="%Y-%m-%d", unit="s", error_is_null=True)
        typed = pc.cast(stamps, pa.date32())
        # strptime rolls 2025-02-30 over; a real date prints back as itself
        real = pc.equal(pc.strftime(stamps, format="%Y-%m-%d"), clean)
        typed = pc.if_else(real, typed, None)
        return typed, pc.and_(pc.is_valid(column), pc.invert(pc.fill_null(real, False)))
    typed = pc.cast(clean, ARROW_TYPES[kind])
    return typed, pc.and_(pc.is_valid(column), pc.invert(ok))


def _check_constraints(raw, typed, field: dict, cells: CellReporter) -> None:
    name, constraints = field["name"], field.get("constraints", {})
    if "enum" in constraints:
        allowed = pa.array(constraints["enum"], type=pa.string())
        cells.report(pc.and_(pc.is_valid(raw), pc.invert(pc.is_in(raw, value_set=allowed))), raw, name,
                     "enum-violation", f"'{name}' must be one of: {', '.join(constraints['enum'])}",
                     rule=f"enum: {constraints['enum']}", hint="use one of the allowed values")
    if "pattern" in constraints:
        pattern = f"^(?:{constraints['pattern'].lstrip('^').rstrip('$')})$"
        cells.report(pc.invert(pc.match_substring_regex(raw, pattern)), raw, name, "pattern-violation",
                     f"'{name}' does not match the required pattern", rule=f"pattern: {constraints['pattern']}")
    for key, op, words in (("minimum", pc.less, "at least"), ("maximum", pc.greater, "at most")):
        if key in constraints and field["type"] in ("integer", "number", "date"):
            bound = constraints[key]
            cells.report(op(typed, pa.scalar(bound, typed.type)), raw, name, "out-of-range",
                         f"'{name}' must be {words} {bound}", rule=f"{key}: {bound}",
                         hint="check the figure against its source")
    for key, op, words in (("minLength", pc.less, "at least"), ("maxLength", pc.greater, "at most")):
        if key in constraints:
            cells.report(op(pc.utf8_length(raw), constraints[key]), raw, name, "length-violation",
                         f"'{name}' must be {words} {constraints[key]} characters", rule=f"{key}: {constraints[key]}")


def key_column(table: pa.Table, fields: list[str]) -> pa.ChunkedArray:
    """One text column standing for a (possibly compound) key."""
    if len(fields) == 1:
        return pc.cast(table.column(fields[0]), pa.string())
    parts = [pc.fill_null(pc.cast(table.column(f), pa.string()), "") for f in fields]
    return pc.binary_join_element_wise(*parts, "\x1f")


def _distinct_keys(table: pa.Table, fields: list[str]) -> int:
    """Number of distinct key tuples, from dictionary codes combined into one integer per row."""
    combined, span = None, 1
    for name in fields:
        encoded = pc.dictionary_encode(table.column(name)).combine_chunks()
        codes = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64) + 1
        size = len(encoded.dictionary) + 1
        if span * size >= 1 << 62:
            return len(pc.unique(key_column(table, fields)))
        combined = codes if combined is None else combined * size + codes
        span *= size
    return pc.count_distinct(pa.array(combined)).as_py()


def _check_primary_key(table: pa.Table, schema: dict, cells: CellReporter) -> None:
    fields = schema.get("primaryKey") or []
    if isinstance(fields, str):
        fields = [fields]
    if not fields:
        return
    if _distinct_keys(table, fields) == table.num_rows:
        return  # as many distinct keys as rows: unique
    key = key_column(table, fields)
    counts = pc.value_counts(key)
    repeated = counts.filter(pc.greater(counts.field("counts"), 1)).field("values")
    if len(repeated):
        mask = pc.is_in(key, value_set=repeated)
        cells.report(mask, key, ",".join(fields), "duplicate-key",
                     f"primary key ({', '.join(fields)}) is not unique", rule="primaryKey must be unique",
                     hint="give each row its own key; remove the duplicate row")
