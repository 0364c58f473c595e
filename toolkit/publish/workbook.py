"""The main tables as one Excel workbook, for people who open data in a spreadsheet.

Why a workbook and not CSVs with a byte-order mark: Excel guesses a CSV's encoding and, without a
BOM, garbles every non-ASCII name (Kalesnikava is safe, Łukašenka is not); with a BOM, the CSVs
would no longer be the plain UTF-8 the Data Package declares, and tools that read them as such
(Python's csv module, frictionless, R) would see the mark as part of the first column's name. An
.xlsx carries its text as Unicode, its dates as dates and its counts as numbers, so the CSVs stay
as the standard wants them.

A date the sources give only to the month or year is a date cell shown as "2025-06" or "2025" (its
number format follows the row's `<column>_precision`), never as the first day of the period; the
precision column stays beside it. Lists are joined with " | ". The first sheet says what the others
hold. The file is the same bytes for the same tables: the workbook's creation date is the package's.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

SHEET_ROWS = 1_048_575
"""Data rows an Excel sheet holds below its header; a larger table is left to the CSV, and said so."""
MAX_CLAIM_ROWS = 200_000
"""The claims (every quote) go in while they are a size a spreadsheet opens in reasonable time."""
FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}
LIST_JOIN = " | "


class Workbook:
    """A workbook written one table at a time (constant memory): `add(name, table, schema)`, then `close()`."""

    def __init__(self, path: Path, created: str, title: str):
        import xlsxwriter

        self.path = path
        # its row files go beside the workbook (in the build's staging), so a killed build leaves none in /tmp
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False,
                                                    "tmpdir": str(path.parent)})
        self.book.set_properties({"title": title, "created": dt.datetime.fromisoformat(created.rstrip("Z"))})
        self.dates = {precision: self.book.add_format({"num_format": code}) for precision, code in FORMATS.items()}
        self.header = self.book.add_format({"bold": True})
        self.about = self.book.add_worksheet("about")
        self.lines = [title, "", "One sheet per table of the package; the same rows as its CSV files.",
                      "A date given only to the month or year shows as 2025-06 or 2025; the _precision "
                      "column beside it says which.", "Lists are joined with ' | '.", ""]

    def add(self, name: str, table, schema: dict, description: str = "") -> None:
        if name == "claims" and table.num_rows > MAX_CLAIM_ROWS or table.num_rows > SHEET_ROWS:
            self.lines.append(f"{name}: {table.num_rows:,} rows, more than this workbook holds; see data/{name}.csv")
            return
        self.lines.append(f"{name}: {description}".rstrip(": "))
        sheet = self.book.add_worksheet(name[:31])
        fields = schema["fields"]
        sheet.write_row(0, 0, [f["name"] for f in fields], self.header)
        sheet.freeze_panes(1, 0)
        names = {f["name"] for f in fields}
        precision_of = {f["name"]: f"{f['name']}_precision" if f"{f['name']}_precision" in names else None
                        for f in fields if f["type"] == "date"}
        row = 1
        for batch in table.select([f["name"] for f in fields]).to_batches(max_chunksize=65_536):
            columns = {f["name"]: batch.column(i).to_pylist() for i, f in enumerate(fields)}
            for index in range(batch.num_rows):
                for col, field in enumerate(fields):
                    self._cell(sheet, row, col, field, columns[field["name"]][index], columns, precision_of, index)
                row += 1

    def _cell(self, sheet, row, col, field, value, columns, precision_of, index) -> None:
        if value is None:
            return
        kind = field["type"]
        if kind == "date":
            precision = columns[precision_of[field["name"]]][index] if precision_of.get(field["name"]) else "day"
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.dates.get(precision or "day"))
        elif kind == "list":
            sheet.write_string(row, col, LIST_JOIN.join(value))
        elif kind in ("integer", "number"):
            sheet.write_number(row, col, value)
        elif kind == "boolean":
            sheet.write_boolean(row, col, value)
        else:
            sheet.write_string(row, col, value)

    def close(self) -> None:
        """Write the workbook. A write that fails (a full disk) raises the OSError itself, as every other
        writer does, not xlsxwriter's wrapper of it (which the CLI would call a bug)."""
        from xlsxwriter.exceptions import FileCreateError

        for number, line in enumerate(self.lines):
            self.about.write_string(number, 0, line)
        hook, sys.unraisablehook = sys.unraisablehook, lambda unraisable: None
        try:
            try:
                self.book.close()
                return
            except FileCreateError as exc:
                cause = exc.__context__ if isinstance(exc.__context__, OSError) else OSError(0, str(exc))
                failure = OSError(cause.errno, cause.strerror or str(cause), cause.filename or str(self.path))
                del cause  # its traceback holds the zip open
            # the half-written zip xlsxwriter left open tries to finish itself when collected, and fails
            # again: quietly, as the failure is reported once, below
            gc.collect()
        finally:
            sys.unraisablehook = hook
        raise failure
