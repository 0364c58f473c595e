"""What a cell of a table must be, the same for every engine, and how failing rows become Issues.

`cell_rules(field)` lists the checks a field's schema asks for (type, required, enum, pattern,
range, length, control characters, formula cells), each with its issue type, message, rule and
hint. An engine evaluates them its own way (pyarrow kernels, SQL through ibis) and hands the
failing rows to `Failures`, which keeps the first rows of each rule in file order and turns them
into Issues located at their CSV line. So every engine reports the same issues for the same file.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..report import Issue

MAX_CELLS_PER_RULE = 20  # cells listed per column and rule; the rest are summarized
INTEGER = r"^-?[0-9]{1,18}$"  # exactly what the cast to int64 accepts
NUMBER = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]
PLAIN_NUMBER = r"^[+-]?[0-9.,]+%?$"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # tab, line feed and carriage return are allowed
TYPE_HINTS = {
    "integer": "write a whole number without separators",
    "number": "write a number with a dot for decimals",
    "boolean": "write true or false",
    "date": "write an existing date as YYYY-MM-DD",
}


@dataclass(frozen=True)
class CellRule:
    """One check of one column: what is evaluated (`kind`, `param`) and how a failure reads."""

    kind: str  # type | required | enum | pattern | minimum | maximum | minLength | maxLength | control | formula
    column: str
    type: str
    message: str
    rule: str
    hint: str | None = None
    param: object = None
    shows_value: bool = True  # the failing cell's text is reported
    field_type: str = "string"  # the column's Table Schema type


def cell_rules(field_: dict) -> list[CellRule]:
    """The checks a field's schema asks for, in the order they are reported."""
    name, kind = field_["name"], field_["type"]
    constraints = field_.get("constraints", {})
    rules = []
    if kind in ("integer", "number", "boolean", "date"):
        rules.append(CellRule("type", name, "type-error", f"'{name}' must be of type {kind}"
                              + (" (YYYY-MM-DD, a real date)" if kind == "date" else ""), f"type: {kind}",
                              TYPE_HINTS.get(kind), kind))
    if constraints.get("required"):
        rules.append(CellRule("required", name, "required-missing", f"'{name}' is required but empty", "required",
                              "fill in the value", shows_value=False))
    if "enum" in constraints:
        rules.append(CellRule("enum", name, "enum-violation", f"'{name}' must be one of: "
                              f"{', '.join(constraints['enum'])}", f"enum: {constraints['enum']}",
                              "use one of the allowed values", list(constraints["enum"])))
    if "pattern" in constraints:
        pattern = f"^(?:{constraints['pattern'].lstrip('^').rstrip('$')})$"
        rules.append(CellRule("pattern", name, "pattern-violation", f"'{name}' does not match the required pattern",
                              f"pattern: {constraints['pattern']}", None, pattern))
    for key, words in (("minimum", "at least"), ("maximum", "at most")):
        if key in constraints and kind in ("integer", "number", "date"):
            rules.append(CellRule(key, name, "out-of-range", f"'{name}' must be {words} {constraints[key]}",
                                  f"{key}: {constraints[key]}", "check the figure against its source",
                                  constraints[key]))
    for key, words in (("minLength", "at least"), ("maxLength", "at most")):
        if key in constraints:
            rules.append(CellRule(key, name, "length-violation", f"'{name}' must be {words} {constraints[key]} "
                                  "characters", f"{key}: {constraints[key]}", None, constraints[key]))
    if kind in ("string", "list"):
        rules.append(CellRule("control", name, "control-character", f"'{name}' contains a NUL or other control "
                              "character", "text cells hold printable text",
                              "remove the control character; a NUL byte truncates the cell in many readers", CONTROL))
        rules.append(CellRule("formula", name, "formula-injection", f"'{name}' starts with a character a spreadsheet "
                              "runs as a formula (=, +, -, @)", "no cell may start with =, +, -, @, tab or carriage "
                              "return", "reword the text so it starts with a letter, digit or quote mark"))
    return [replace(rule, field_type=kind) for rule in rules]


@dataclass
class Finding:
    """The failing rows of one check, the first ones kept in file order."""

    type: str
    message: str
    rule: str
    hint: str | None
    field: str | None
    severity: str = "error"
    rows: list[tuple[int, str | None]] = field(default_factory=list)  # (row index, value) for the first rows
    count: int = 0


class Failures:
    """Failing rows of one table, per check; an engine adds them in any order, in any number of parts."""

    def __init__(self, display: str, resource: str):
        import threading

        self.display, self.resource = display, resource
        self.findings: dict[tuple, Finding] = {}
        self._lock = threading.Lock()  # engines check the columns of a batch in threads

    def add(self, type_: str, message: str, rule: str, hint: str | None, field_: str | None, rows, values=None,
            count: int | None = None, severity: str = "error") -> None:
        """Add failing rows (0-based data row indexes, with their cell text when it is shown)."""
        rows = list(rows)
        if not rows and not count:
            return
        key = (type_, field_, rule, message)
        values = list(values) if values is not None else [None] * len(rows)
        with self._lock:
            finding = self.findings.setdefault(key, Finding(type_, message, rule, hint, field_, severity))
            finding.rows = sorted(finding.rows + list(zip(rows, values)))[:MAX_CELLS_PER_RULE]
            finding.count += count if count is not None else len(rows)

    def add_rule(self, cell: CellRule, rows, values=None, count: int | None = None) -> None:
        self.add(cell.type, cell.message, cell.rule, cell.hint, cell.column, rows,
                 values if cell.shows_value else None, count)

    def issues(self, lines: "LineMap") -> list[Issue]:
        wanted = {row for finding in self.findings.values() for row, _ in finding.rows}
        located = lines.lines(wanted)
        issues = []
        for finding in self.findings.values():
            for row, value in finding.rows:
                issues.append(Issue(finding.type, finding.message, severity=finding.severity, file=self.display,
                                    line=located.get(row), resource=self.resource, row=row + 1, field=finding.field,
                                    value=None if value is None else str(value)[:200], rule=finding.rule,
                                    hint=finding.hint))
            if finding.count > len(finding.rows):
                issues.append(Issue(finding.type, f"… and {finding.count - len(finding.rows)} more rows of "
                                    f"{self.display} break this rule" + (f" in column '{finding.field}'"
                                                                         if finding.field else ""),
                                    severity=finding.severity, file=self.display, resource=self.resource,
                                    field=finding.field, rule=finding.rule, hint=finding.hint))
        return issues


class LineMap:
    """Data row index -> physical line of a CSV, found only for the rows asked about, in one streaming
    pass; when no cell spans lines (the usual case) it is row + 2 without reading anything again."""

    def __init__(self, path: Path | None, rows: int | None = None):
        self.path, self.rows = path, rows

    def lines(self, wanted: set[int]) -> dict[int, int | None]:
        if not wanted:
            return {}
        if self.path is None:
            return {row: None for row in wanted}
        if self.rows is not None and _newlines(self.path) <= self.rows + 1:
            return {row: row + 2 for row in wanted}
        found, remaining = {}, set(wanted)
        with self.path.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            line, row = reader.line_num + 1, 0
            for _ in reader:
                if row in remaining:
                    found[row] = line
                    remaining.discard(row)
                    if not remaining:
                        break
                line, row = reader.line_num + 1, row + 1
        return {row: found.get(row, row + 2) for row in wanted}


def _newlines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
    return count


def read_header(path: Path, display: str, resource: str, width: int | None, max_header: int = 1 << 20
                ) -> tuple[list[str] | None, list[Issue]]:
    """The header row, read bounded: a hostile file of 300,000 columns costs one bounded line, and a
    header that is not `width` columns wide stops the file from being read further."""
    where = dict(file=display, resource=resource)
    with path.open("rb") as handle:
        head = handle.readline(max_header + 1)
    if len(head) > max_header:
        return None, [Issue("header-too-long", f"{display}: the header line is longer than {max_header:,} bytes; "
                            "not read", line=1, hint="the header must be the schema's field names", **where)]
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
    return names, issues


def table_header(path: Path, display: str, resource: str, schema: dict) -> tuple[list[str] | None, list[Issue]]:
    """The header of a table's CSV and its issues; None for names when the data must not be read (a
    header that is unreadable, of the wrong width, or not the schema's fields in order)."""
    names, issues = read_header(path, display, resource, width=len(schema["fields"]))
    if names is None:
        return None, issues
    mismatch = _header_issue(names, schema, display, resource)
    return (None, [*issues, mismatch]) if mismatch is not None else (names, issues)


def _header_issue(names: list[str], schema: dict, display: str, resource: str) -> Issue | None:
    expected = [f["name"] for f in schema["fields"]]
    header = [n.lstrip("\ufeff") for n in names]
    if header == expected:
        return None
    return Issue("header-mismatch", f"{display}: header does not match the schema", file=display, line=1,
                 resource=resource, value=",".join(header)[:200], rule=f"expected {','.join(expected)}",
                 hint="columns must be exactly the schema's fields, in order")


def malformed(path: Path, display: str, resource: str, message: str) -> Issue:
    """A file the engine could not parse: not UTF-8, or a row with the wrong number of cells. Located
    and worded from the file itself, so every engine says the same, whatever its own error said."""
    where = dict(file=display, resource=resource)
    problem = utf8_error(path, display, resource)
    if problem is not None:
        return problem
    line, expected, got = _first_ragged(path)
    text = f"{display}: row has the wrong number of cells"
    if line is not None:
        text += f" (expected {expected}, got {got}); the file may be truncated or a quote unclosed"
    return Issue("malformed-csv", text, line=line, hint="restore the file; every row needs one cell per column",
                 **where)


def _first_ragged(path: Path) -> tuple[int | None, int, int]:
    """Line, expected and actual cell count of the first record whose width is not the header's."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        width = len(next(reader, []))
        start = reader.line_num + 1
        try:
            for record in reader:
                if len(record) != width:
                    return start, width, len(record)
                start = reader.line_num + 1
        except csv.Error:
            return start, width, 0
    return None, width, width


def utf8_error(path: Path, display: str, resource: str) -> Issue | None:
    """An encoding-error Issue when the file is not UTF-8 (engines that would replace bad bytes
    silently are given the file only after this check)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1 << 24):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return Issue("encoding-error", f"{display} is not valid UTF-8", file=display, resource=resource,
                         line=_first_bad_utf8_line(path), hint="save the file as UTF-8")
    return None


def _first_bad_utf8_line(path: Path) -> int:
    """Line of the first byte that is not UTF-8, read in chunks (error path only)."""
    decoder, line = codecs.getincrementaldecoder("utf-8")(), 1
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return line + chunk[:max(0, exc.start)].count(b"\n")
            line += chunk.count(b"\n")
    return line
