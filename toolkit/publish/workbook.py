"""The main tables as one Excel workbook, for people who open data in a spreadsheet.

Why a workbook and not CSVs with a byte-order mark: Excel guesses a CSV's encoding and, without a
BOM, garbles every non-ASCII name (Kalesnikava is safe, Łukašenka is not); with a BOM, the CSVs
would no longer be the plain UTF-8 the Data Package declares, and tools that read them as such
(Python's csv module, frictionless, R) would see the mark as part of the first column's name. An
.xlsx carries its text as Unicode, its dates as dates and its counts as numbers, so the CSVs stay
as the standard wants them.

What a spreadsheet user sees: the first sheet, "About", says which version this is, lists the
sources with links to their articles, how to read statuses and qualifiers, the open disagreements,
and which CSV column each header stands for. Every sheet has its header row frozen, a filter on
every column, headers in words (the schema's field titles) and columns wide enough for what they
hold, so a date never shows as ###.

A date the sources give only to the month or year is a date cell shown as "2025-06" or "2025" (its
number format follows the row's `<column>_precision`), never as the first day of the period; the
precision column stays beside it. Lists are joined with " | ". The file is the same bytes for the
same tables: the workbook's creation date is the package's.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

from ..texts import safe_link

SHEET_ROWS = 1_048_575
"""Data rows an Excel sheet holds below its header; a larger table is left to the CSV, and said so."""
MAX_CLAIM_ROWS = 200_000
"""The claims (every quote) go in while they are a size a spreadsheet opens in reasonable time."""
FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}
SHOWN_WIDTH = {"day": 10, "month": 7, "year": 4}
"""Characters a date takes as its number format shows it."""
LIST_JOIN = " | "
MAX_WIDTH = 60
"""Widest a column is made; longer text (quotes, descriptions) is cut off on screen, whole in the cell."""
MAX_LINKS = 60_000
"""Hyperlinks a sheet may hold (Excel's limit is 65,530); sources past it show their URL as text."""
MAX_URL = 2_000
"""Longest URL Excel takes as a link (its limit is 2,079 characters)."""
MAX_LISTED = 1_000
"""Open disagreements listed on the About sheet; the conflicts sheet has them all."""
ABOUT = "About"
ABOUT_HEADER = ("Section", "Item", "What it says", "Link")

STATUSES = {
    "agreed": "every source that gives this value agrees (after aliases and qualifiers are taken into account)",
    "single_source": "only one source gives this value",
    "conflict": "sources disagree and no curator has chosen; the competing values are in the _candidates column",
    "resolved_by_curator": "sources disagree and a curator chose this value; the conflicts sheet says why",
}
QUALIFIERS = {
    "exact": "the number itself", "at_least": "this number or more", "more_than": "more than this number",
    "at_most": "this number or fewer", "fewer_than": "fewer than this number", "about": "roughly this number",
    "almost": "just under this number", "nearly": "just under this number",
    "between": "between this number and the _upper column's",
}
DATE_QUALIFIERS = {
    "exact": "the date itself, to its precision", "before": "some time before this date", "by": "on or before this date",
    "after": "some time after this date", "on_or_after": "on or after this date", "since": "from this date on",
}
CONFLICT_STATUSES = {
    "open": "sources disagree and no one has settled it", "explained": "a rule explains the difference "
    "(a city inside a country, a subgroup inside a total): not a disagreement",
    "resolved_by_curator": "a curator chose a value and wrote why",
}


def field_title(field: dict) -> str:
    """A column's header for people: the schema's title, or its name in words where it has none."""
    if field.get("title"):
        return field["title"]
    words = field["name"].replace("_", " ").replace(" id ", " ID ")
    words = words[:-3] + " ID" if words.endswith(" id") else words
    return words[:1].upper() + words[1:]


class Workbook:
    """A workbook written one table at a time (constant memory): `add(name, table, schema)`, then `close()`."""

    def __init__(self, path: Path, created: str, title: str, version: str | None = None):
        import xlsxwriter

        self.path = path
        # its row files go beside the workbook (in the build's staging), so a killed build leaves none in /tmp
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False,
                                                    "tmpdir": str(path.parent)})
        self.book.set_properties({"title": title, "created": dt.datetime.fromisoformat(created.rstrip("Z"))})
        self.dates = {precision: self.book.add_format({"num_format": code}) for precision, code in FORMATS.items()}
        self.header = self.book.add_format({"bold": True, "bg_color": "#F2F2F2", "bottom": 1})
        self.link = self.book.add_format({"font_color": "blue", "underline": 1})
        self.about = self.book.add_worksheet(ABOUT)
        self.rows: list[tuple[str, str, str, str | None]] = [
            ("About", "Title", title, None), ("About", "Version", version or "", None),
            ("About", "Created", created[:10], None),
            ("About", "What this is", "One sheet per table of the package, the same rows as its CSV files. Headers are "
             "in words; the Columns rows below give each one's CSV name. Lists are joined with ' | '.", None),
            ("About", "Dates", "A date given only to the month or year shows as 2025-06 or 2025; the precision "
             "column beside it says which, and the qualifier column whether it is the date or a bound.", None),
        ]
        self.sheets: list[tuple[str, str, str, str | None]] = []
        self.columns: list[tuple[str, str, str, str | None]] = []
        self.sources: list[tuple[str, str, str, str | None]] = []
        self.open: list[tuple[str, str, str, str | None]] = []
        self.open_count = 0

    def add(self, name: str, table, schema: dict, description: str = "") -> None:
        if name == "sources":
            self._note_sources(table)
        elif name == "conflicts":
            self._note_conflicts(table)
        if name == "claims" and table.num_rows > MAX_CLAIM_ROWS or table.num_rows > SHEET_ROWS:
            self.sheets.append(("Sheets", name, f"{table.num_rows:,} rows, more than this workbook holds; "
                                f"see data/{name}.csv", None))
            return
        self.sheets.append(("Sheets", name, description, None))
        sheet = self.book.add_worksheet(name[:31])
        fields = schema["fields"]
        titles = [field_title(f) for f in fields]
        self.columns += [("Columns", f"{name}: {t}", f"CSV column {f['name']}" + (f": {f['description']}"
                          if f.get("description") else ""), None) for f, t in zip(fields, titles)]
        sheet.write_row(0, 0, titles, self.header)
        widths = [len(t) + 3 for t in titles]  # the filter's button sits beside the header's text
        names = {f["name"] for f in fields}
        precision_of = {f["name"]: f"{f['name']}_precision" if f"{f['name']}_precision" in names else None
                        for f in fields if f["type"] == "date"}
        row = 1
        for batch in table.select([f["name"] for f in fields]).to_batches(max_chunksize=65_536):
            columns = {f["name"]: batch.column(i).to_pylist() for i, f in enumerate(fields)}
            for index in range(batch.num_rows):
                for col, field in enumerate(fields):
                    shown = self._cell(sheet, row, col, field, columns[field["name"]][index], columns, precision_of,
                                       index)
                    if shown > widths[col]:
                        widths[col] = shown
                row += 1
        _finish(sheet, row, widths)

    def _cell(self, sheet, row, col, field, value, columns, precision_of, index) -> int:
        """Write one cell; return how many characters it shows."""
        if value is None:
            return 0
        kind = field["type"]
        if kind == "date":
            precision = columns[precision_of[field["name"]]][index] if precision_of.get(field["name"]) else "day"
            precision = precision if precision in FORMATS else "day"
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.dates[precision])
            return SHOWN_WIDTH[precision] + 2
        if kind == "list":
            value = LIST_JOIN.join(value)
            sheet.write_string(row, col, value)
        elif kind in ("integer", "number"):
            sheet.write_number(row, col, value)
        elif kind == "boolean":
            sheet.write_boolean(row, col, value)
            return 6
        else:
            sheet.write_string(row, col, value)
        return len(str(value)) + 1

    def _note_sources(self, table) -> None:
        for source in table.select(["source_id", "outlet", "title", "published", "url"]).to_pylist():
            what = ", ".join(str(v) for v in (source["title"], source["published"]) if v)
            self.sources.append(("Sources", source["outlet"] or source["source_id"],
                                 f"{what} (source {source['source_id']})", safe_link(source["url"])))

    def _note_conflicts(self, table) -> None:
        for conflict in table.select(["conflict_id", "status", "description"]).to_pylist():
            if conflict["status"] != "open":
                continue
            self.open_count += 1
            if len(self.open) < MAX_LISTED:
                self.open.append(("Open disagreements", conflict["conflict_id"], conflict["description"] or "", None))

    def _reading(self) -> list[tuple[str, str, str, None]]:
        """How to read a value's status, a count's or a date's qualifier, and a disagreement's status."""
        return ([("Statuses", status, text, None) for status, text in STATUSES.items()]
                + [("Count qualifiers", q, text, None) for q, text in QUALIFIERS.items()]
                + [("Date qualifiers", q, text, None) for q, text in DATE_QUALIFIERS.items()]
                + [("Disagreements", s, text, None) for s, text in CONFLICT_STATUSES.items()]
                + [("Columns ending in", "_claims", "the ids of the claims behind the value: the claims sheet "
                    "gives each one's source, quote and article line", None),
                   ("Columns ending in", "_origins", "how many independent origins stand behind the value "
                    "(five outlets repeating one agency are one)", None),
                   ("Columns ending in", "_candidates", "the competing values while sources disagree", None),
                   ("Columns ending in", "_low, _high", "while sources disagree on a number: the lowest figure any "
                    "source allows and the highest any source states, with the sources of each (_low_sources, "
                    "_high_sources): the range to quote beside the status and the chosen value", None)])

    def close(self) -> None:
        """Write the About sheet, then the workbook. A write that fails (a full disk) raises the OSError
        itself, as every other writer does, not xlsxwriter's wrapper of it (which the CLI would call a bug)."""
        from xlsxwriter.exceptions import FileCreateError

        if self.open_count > len(self.open):
            self.open.append(("Open disagreements", f"and {self.open_count - len(self.open)} more",
                              "see the conflicts sheet", None))
        if not self.open_count:
            self.open.append(("Open disagreements", "none", "no disagreement between sources is open", None))
        rows = [*self.rows, *self.sheets, *self.sources, *self._reading(), *self.open, *self.columns]
        self.about.write_row(0, 0, ABOUT_HEADER, self.header)
        widths = [len(t) + 3 for t in ABOUT_HEADER]
        links = 0
        for number, line in enumerate(rows, start=1):
            for col, text in enumerate(line[:3]):
                self.about.write_string(number, col, text)
                widths[col] = max(widths[col], len(text) + 1)
            url = line[3]
            if url:
                linked = links < MAX_LINKS and len(url) <= MAX_URL and \
                    self.about.write_url(number, 3, url, self.link, url) == 0
                links += linked
                if not linked:
                    self.about.write_string(number, 3, url)
                widths[3] = max(widths[3], len(url) + 1)
        _finish(self.about, len(rows) + 1, widths)
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


def _finish(sheet, rows: int, widths: list[int]) -> None:
    """What every sheet gets: the header row frozen, a filter over every column, and each column as wide
    as what it shows (up to MAX_WIDTH)."""
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows - 1, 0), len(widths) - 1)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, min(width, MAX_WIDTH))
