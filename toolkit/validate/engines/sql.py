"""The checks as ibis expressions, for the engines that hand the work to a SQL engine (DuckDB, Spark).

Each table is read by the engine with every column as text and a `__row__` number in file
order; the cell checks of `cells.cell_rules` become one aggregate query (how many rows break
each check) and, for each broken check, one query for its first rows; the table is then typed
(the same patterns decide a cell's type as in the pyarrow engine), the cross-field rules run
through pandera's ibis backend, and the keys are checked in SQL (`key_checks`).
"""

from __future__ import annotations

from ...report import Report
from ..cells import (CONTROL, DATE, FORMULA_STARTS, INTEGER, NUMBER, PLAIN_NUMBER, CellRule, Failures, LineMap,
                     cell_rules, malformed, table_header, utf8_error)
from ..rules import PUBLISHED_END, ROW, breaking, build_model, failing_checks
from . import TableInput, TableResult, key_plan

IBIS_TYPES = {"integer": "int64", "number": "float64", "date": "date", "boolean": "boolean"}
PATTERNS = {"integer": INTEGER, "number": NUMBER, "date": DATE}


class SqlEngine:
    """What the DuckDB and Spark engines share; each provides `session`, `read`, `keep`, `count`, `sql`."""

    name = "sql"

    @staticmethod
    def split(column, delimiter: str):
        """A list cell split at its delimiter, taken literally."""
        return column.split(delimiter)

    def check(self, tables: list[TableInput], report: Report, digests: set[str] = frozenset(), rules: bool = True
              ) -> dict[str, TableResult]:
        from ..key_checks import check_keys

        plan = key_plan(tables)
        results: dict[str, TableResult] = {}
        found: dict[str, Failures] = {}
        typed_tables: dict = {}
        with self.session() as session:
            for table in sorted(tables, key=lambda t: t.name != "sources"):
                failures = found[table.name] = Failures(table.display, table.name)
                typed = self._table(session, table, failures, report)
                if typed is None:
                    results[table.name] = TableResult(None)
                    continue
                typed_tables[table.name] = typed
                results[table.name] = TableResult(self.count(session, table.name))
                if rules:
                    self._rules(session, table, typed, typed_tables.get("sources"), failures)
            check_keys(self.sql(session), plan, set(typed_tables), set(typed_tables), self.table_name, found)
        for table in tables:
            report.extend(found[table.name].issues(LineMap(table.path, results[table.name].rows)))
        return results

    def _table(self, session, table: TableInput, failures: Failures, report: Report):
        """Read one CSV, check its cells, and keep it typed in the engine; None when it cannot be read."""
        fields = table.schema["fields"]
        names, issues = table_header(table.path, table.display, table.name, table.schema)
        report.extend(issues)
        if names is None:
            return None
        problem = utf8_error(table.path, table.display, table.name)
        if problem is not None:
            report.extend([problem])
            return None
        try:
            raw = self.read(session, table, names)
            check_cells(raw, fields, failures)
            return self.keep(session, table.name, typed_expression(raw, fields, self.split))
        except Exception as exc:  # noqa: BLE001 - the engine's own error for a file it cannot parse
            if not self.is_parse_error(exc):
                raise
            report.extend([malformed(table.path, table.display, table.name, str(exc))])
            return None

    def _rules(self, session, table: TableInput, typed, sources, failures: Failures) -> None:
        import narwhals.stable.v1 as nw

        columns = {f["name"]: f["type"] for f in table.schema["fields"]}
        if table.name == "claims" and sources is not None:
            typed = with_publication(typed, sources)
            columns[PUBLISHED_END] = "date"
        model = build_model(table.name, columns, "ibis")
        if model is None:
            return
        for slug in failing_checks(model, typed):
            item = next(r for r in model.rules if r.slug == slug)
            bad = nw.from_native(typed).filter(breaking(model.expressions[slug]))
            rows = bad.select(ROW).sort(ROW).head(20).to_native().to_pyarrow().column(ROW).to_pylist()
            count = bad.select(nw.len()).to_native().to_pyarrow().column(0)[0].as_py()
            failures.add(item.slug, f"{failures.display}: {item.message}", item.slug, item.hint, None, rows,
                         count=count)


def check_cells(raw, fields: list[dict], failures: Failures) -> None:
    """Every cell check: one query counts the rows breaking each, then the first rows of those that do."""
    checks = [(check, failing(check, raw[field["name"]])) for field in fields for check in cell_rules(field)]
    checks = [(check, bad) for check, bad in checks if bad is not None]
    if not checks:
        return
    counts = raw.aggregate(**{f"c{i}": bad.fill_null(False).cast("int64").sum() for i, (_, bad) in enumerate(checks)})
    totals = counts.to_pyarrow().to_pylist()[0]
    for i, (check, bad) in enumerate(checks):
        count = totals[f"c{i}"] or 0
        if count:
            first = raw.filter(bad.fill_null(False)).order_by(ROW).limit(20)
            rows = first.select(ROW, value=raw[check.column]).to_pyarrow()
            failures.add_rule(check, rows.column(ROW).to_pylist(), rows.column("value").to_pylist(), count=count)


def failing(check: CellRule, raw):
    """The ibis expression true where a cell breaks `check` (the pyarrow engine's `_failing`, in SQL)."""
    present = raw.notnull()
    if check.kind == "type":
        kind = check.param
        if kind == "boolean":
            return present & ~raw.isin(["true", "false"])
        valid = raw.re_search(PATTERNS[kind])
        if kind == "date":
            valid = valid & raw.try_cast("date").notnull()
        return present & ~valid.fill_null(False)
    if check.kind == "required":
        return raw.isnull()
    if check.kind == "enum":
        return present & ~raw.isin(list(check.param))
    if check.kind == "pattern":
        return ~raw.re_search(check.param)
    if check.kind in ("minimum", "maximum"):
        typed = typed_value(raw, check.field_type)
        bound = _literal(check.param, check.field_type)
        return typed < bound if check.kind == "minimum" else typed > bound
    if check.kind in ("minLength", "maxLength"):
        return raw.length() < check.param if check.kind == "minLength" else raw.length() > check.param
    if check.kind == "control":
        return raw.re_search(CONTROL)
    if check.kind == "formula":
        return raw.substr(0, 1).isin(FORMULA_STARTS) & ~raw.re_search(PLAIN_NUMBER)
    raise ValueError(f"unknown cell check {check.kind}")


def _literal(value, kind: str):
    import datetime as dt

    import ibis

    return ibis.literal(dt.date.fromisoformat(value)) if kind == "date" else ibis.literal(value)


def typed_value(raw, kind: str):
    """A text column cast to its type, with the cells that are not of it left empty."""
    import ibis

    if kind == "boolean":
        return ibis.ifelse(raw.isin(["true", "false"]), raw == "true", ibis.null().cast("boolean"))
    valid = raw.re_search(PATTERNS[kind]).fill_null(False)
    return ibis.ifelse(valid, raw.try_cast(IBIS_TYPES[kind]), ibis.null().cast(IBIS_TYPES[kind]))


def typed_expression(raw, fields: list[dict], split):
    """The table with each column of its schema's type (lists split at their delimiter), and its rows."""
    columns = {}
    for field in fields:
        column, kind = raw[field["name"]], field["type"]
        if kind == "string":
            columns[field["name"]] = column
        elif kind == "list":
            columns[field["name"]] = split(column, field.get("delimiter", ","))
        else:
            columns[field["name"]] = typed_value(column, kind)
    return raw.select(raw[ROW], **columns)


def with_publication(claims, sources):
    """Claims with the last day of their source's publication period (day, month or year) beside them."""
    import ibis

    published = sources.published
    month_end = published.truncate("M") + ibis.interval(months=1) - ibis.interval(days=1)
    year_end = published.truncate("Y") + ibis.interval(years=1) - ibis.interval(days=1)
    ends = sources.select(
        source_key=sources.source_id,
        end=ibis.cases((sources.published_precision == "month", month_end),
                       (sources.published_precision == "year", year_end), else_=published),
    )
    joined = claims.left_join(ends, claims.source_id == ends.source_key)
    return joined.select(*[joined[c] for c in claims.columns], **{PUBLISHED_END: joined.end})
