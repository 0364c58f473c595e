"""The cross-field rules, written once as narwhals expressions and run through pandera.

A rule is a small function registered under its slug with `@rule`; given the columns of a table
it returns a boolean expression that is true where a row is fine (or None when the table lacks
what the rule needs). The expressions are narwhals', so pandera runs the same rule on a pyarrow
table (the default engine, one batch at a time), on an ibis table over DuckDB, and on an ibis
table over Spark. What spans tables is prepared by the engine: claims carry `__published_end`,
the last day of their source's publication period; references from a list column to claims are
key checks of the engine's own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass

ROW = "__row__"  # the 0-based data row, carried through every engine so a failure names its line
PUBLISHED_END = "__published_end"
STATUSES = ("agreed", "single_source", "resolved_by_curator")
CLAIM_LIST_COLUMNS = ("claim_ids", "claims")  # besides every column ending in _claims
MESSAGES = {  # rules the engines check as keys, with the wording every engine reports
    "claim-ids-exist": ("a value's claims must exist in the claims resource",
                        "every id in a *_claims or claim_ids column must be a claim_id of claims"),
}


@dataclass(frozen=True)
class Rule:
    slug: str
    resource: str  # a resource name, or "*" for every resource with the columns it needs
    message: str
    build: Callable  # (columns, today) -> narwhals expression true where the row is fine, or None
    hint: str | None = None


RULES: list[Rule] = []


def rule(slug: str, resource: str, message: str, hint: str | None = None):
    def register(build):
        RULES.append(Rule(slug, resource, message, build, hint))
        return build
    return register


def _nw():
    import narwhals.stable.v1 as nw

    return nw


def _have(columns, *names) -> bool:
    return all(name in columns for name in names)


@rule("claim-count-bounds", "claims", "count_low must not exceed count_high")
def _count_bounds(columns, today):
    if not _have(columns, "count_low", "count_high"):
        return None
    col = _nw().col
    return col("count_high").is_null() | col("count_low").is_null() | (col("count_low") <= col("count_high"))


@rule("claim-typed-value", "claims", "a claim's typed column must be filled for its value_type",
      hint="count claims need count_value, date claims date_value, entity claims entity_id")
def _typed_value(columns, today):
    if not _have(columns, "value_type", "count_value", "date_value", "entity_id"):
        return None
    col = _nw().col
    kind = col("value_type")
    return (((kind != "count") | ~col("count_value").is_null()) & ((kind != "date") | ~col("date_value").is_null())
            & ((kind != "entity") | ~col("entity_id").is_null())).fill_null(True)


@rule("date-after-publication", "claims", "a claim's date falls after its article was published",
      hint="an article cannot report what happened after it was published")
def _after_publication(columns, today):
    if not _have(columns, PUBLISHED_END, "date_value", "as_of"):
        return None
    col = _nw().col
    limit = col(PUBLISHED_END)
    fine = None
    for column in ("date_value", "as_of"):
        ok = (col(column).is_null() | limit.is_null() | (col(column) <= limit))
        fine = ok if fine is None else fine & ok
    return fine


@rule("future-date", "*", "a date lies in the future", hint="a dataset of events records what already happened")
def _future(columns, today):
    dates = [name for name, kind in columns.items() if kind == "date" and not name.startswith("__")]
    if not dates:
        return None
    col, lit = _nw().col, _nw().lit
    fine = None
    for name in dates:
        ok = col(name).is_null() | (col(name) <= lit(today))
        fine = ok if fine is None else fine & ok
    return fine


@rule("sanction-lifted-before-imposed", "sanctions", "a sanction is lifted before it was imposed")
def _lift_order(columns, today):
    """Compared at the coarser of the two precisions ("2021" is not before "2021-08"), and only for
    dates given as the period itself: qualified ones ("by", "after") were compared as intervals
    when the package was built."""
    if not _have(columns, "lifted_on", "imposed_on", "lifted_on_precision", "imposed_on_precision"):
        return None
    nw = _nw()
    col, lit = nw.col, nw.lit
    lifted, imposed = col("lifted_on"), col("imposed_on")
    plain = lit(True)
    for column in ("lifted_on_qualifier", "imposed_on_qualifier"):
        if column in columns:  # packages built before dates had qualifiers have only plain dates
            plain = plain & (col(column).is_null() | col(column).is_in(["exact", "since"]))
    year = lifted.dt.year() < imposed.dt.year()
    month = year | ((lifted.dt.year() == imposed.dt.year()) & (lifted.dt.month() < imposed.dt.month()))
    day = lifted < imposed
    coarsest = {"year": 0, "month": 1, "day": 2}
    early = lit(False)
    for a, rank_a in coarsest.items():
        for b, rank_b in coarsest.items():
            width = min(rank_a, rank_b)
            test = (year, month, day)[width]
            early = early | ((col("lifted_on_precision") == a) & (col("imposed_on_precision") == b) & test)
    return ~(early & plain).fill_null(False)


@rule("conflict-resolution", "conflicts", "a conflict resolved by the curator must say what was chosen")
def _resolution(columns, today):
    if not _have(columns, "status", "resolution"):
        return None
    col = _nw().col
    return ((col("status") != "resolved_by_curator") | ~col("resolution").is_null()).fill_null(True)


@rule("conflict-has-claims", "conflicts", "a conflict must name the claims involved")
def _conflict_claims(columns, today):
    if not _have(columns, "claim_ids"):
        return None
    return ~_nw().col("claim_ids").is_null()  # an empty list is an empty cell


def _resolved_prefixes(columns) -> list[str]:
    return [c[: -len("_status")] for c in columns if c.endswith("_status") and f"{c[:-7]}_claims" in columns]


@rule("resolved-field-consistent", "*", "a resolved field's value, status, claims and companions disagree",
      hint="a value needs a status other than conflict and its claims; a conflict has candidates and no value")
def _resolved_consistent(columns, today):
    prefixes = _resolved_prefixes(columns)
    if not prefixes:
        return None
    col = _nw().col
    fine = None
    for prefix in prefixes:
        name = prefix if prefix in columns else f"{prefix}_id" if f"{prefix}_id" in columns else None
        status, claims = col(f"{prefix}_status"), col(f"{prefix}_claims")
        ok = status.is_null() == claims.is_null()
        if name is not None:
            value = col(name)
            conflict = (status == "conflict").fill_null(False)
            ok = ok & (~conflict | value.is_null()) & (value.is_null() | status.is_in(list(STATUSES)).fill_null(False))
            for companion in (f"{prefix}_qualifier", f"{prefix}_precision", f"{prefix}_as_of",
                              f"{prefix}_as_of_precision"):
                if companion in columns:
                    ok = ok & (col(companion).is_null() == value.is_null())
        if f"{prefix}_origins" in columns:
            ok = ok & (col(f"{prefix}_origins").is_null() == (status.is_null() | (status == "conflict")).fill_null(True))
        if f"{prefix}_candidates" in columns:
            ok = ok & (~col(f"{prefix}_candidates").is_null() == (status == "conflict").fill_null(False))
        if f"{prefix}_upper" in columns and f"{prefix}_qualifier" in columns:
            ok = ok & (~col(f"{prefix}_upper").is_null() == (col(f"{prefix}_qualifier") == "between").fill_null(False))
        fine = ok if fine is None else fine & ok
    return fine


# --- running -------------------------------------------------------------------------------------

@dataclass
class Model:
    """One table's rules and the pandera schema that runs them."""

    resource: str
    rules: list[Rule]
    expressions: dict  # slug -> narwhals expression
    schema: object  # a pandera DataFrameSchema of the frame type's API


def needs(resource: str, columns: dict[str, str]) -> list[tuple[Rule, object]]:
    """The rules that apply to a table with these columns (name -> Table Schema type), with their
    expressions."""
    today = dt.date.today()
    found = []
    for item in RULES:
        if item.resource in (resource, "*"):
            expression = item.build(columns, today)
            if expression is not None:
                found.append((item, expression))
    return found


def build_model(resource: str, columns: dict[str, str], api: str):
    """The pandera schema of one table for a frame type (`api`: pyarrow or ibis), with its rules."""
    applicable = needs(resource, columns)
    if not applicable:
        return None
    module = _pandera(api)
    from pandera.api.checks import Check

    checks = [Check(_constant(expression), name=item.slug, error=item.slug) for item, expression in applicable]
    return Model(resource, [item for item, _ in applicable], {item.slug: e for item, e in applicable},
                 module.DataFrameSchema({}, checks=checks, name=resource))


def _constant(expression):
    def check(frame):
        return expression
    return check


def _pandera(api: str):
    """pandera's API for a frame type, on its narwhals backends (pandas is never handed the data)."""
    os.environ.setdefault("PANDERA_USE_NARWHALS_BACKEND", "True")
    with warnings.catch_warnings():
        # pandera's typing imports pyspark.pandas when pyspark is installed, which warns about pandas 3
        warnings.simplefilter("ignore", FutureWarning)
        if api == "pyarrow":
            # pandera's narwhals backends import ibis (0.2 s) whenever it is installed, for frames the
            # pyarrow checks never meet: imported without it (the ibis engines reload them, _with_ibis)
            with _without(*OPTIONAL_FOR_PYARROW):
                import pandera.pyarrow as module
                from pandera.backends.pyarrow.register import register_pyarrow_backends

                register_pyarrow_backends()
        else:
            _with_ibis()
            import pandera.ibis as module
    return module


OPTIONAL_FOR_PYARROW = ("ibis", "hypothesis", "pyspark")
"""Packages pandera imports if it can, that checking pyarrow tables does not use: ibis (0.2 s),
hypothesis (0.1 s), which pandera wants only to synthesise example data, and pyspark (0.1 s where the
`spark` extra is installed), whose pandas API pandera loads to patch pandas. A package already imported
is never hidden (`_without`), so a program that wants pandera's strategies imports hypothesis before
it validates, as the test suite does; a `prisoner-data` process never synthesises data."""


class _Absent:
    """A finder that says the named top-level packages are not installed (while it is on sys.meta_path)."""

    def __init__(self, names):
        self.names = set(names)

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"{name} is left out here", name=name)
        return None


@contextlib.contextmanager
def _without(*names):
    import sys

    finder = _Absent(n for n in names if n not in sys.modules)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def _with_ibis() -> None:
    """The ibis engines after a pyarrow check in the same process: pandera's narwhals checks were then
    loaded without ibis, so they are loaded again now that it is wanted (their functions read the
    module's globals, so what was registered before sees ibis too)."""
    import importlib
    import sys

    checks = sys.modules.get("pandera.backends.narwhals.checks")
    if checks is not None and not getattr(checks, "_HAS_IBIS", True):
        importlib.reload(checks)


def failing_checks(model: Model, frame) -> list[str]:
    """The slugs of the rules some row of `frame` breaks (pandera runs every check, lazily)."""
    from pandera.errors import SchemaErrors

    try:
        model.schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        return sorted({str(check) for check in _column(exc.failure_cases, "check")} & set(model.expressions))
    return []


def breaking(expression):
    """The rows a rule's expression fails: false, not null (pandera counts a null outcome as a pass)."""
    return ~expression.fill_null(True)


def _column(cases, name: str) -> list:
    """A column of pandera's failure cases: a pyarrow table, or an ibis table to run."""
    import pyarrow as pa

    if isinstance(cases, pa.Table):
        return cases.column(name).to_pylist()
    return cases.select(name).distinct().to_pyarrow().column(name).to_pylist()
