"""pandera: one model per table, derived from its Frictionless schema, plus cross-field rules.

The columns (name, presence, nullability) come from the table schema, never
written a second time. What pandera adds are the rules that span fields or
tables, each a small function registered under its slug with `@rule`. They run
lazily, so every failing row is reported, and each failure becomes an Issue
located at its CSV line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ..report import Issue

STATUSES = ("agreed", "single_source", "resolved_by_curator")


@dataclass(frozen=True)
class Rule:
    slug: str
    resource: str  # a resource name, or "*" for every resource with the columns it needs
    message: str
    check: Callable  # (frame, frames) -> boolean Series, True where the row is fine
    hint: str | None = None


RULES: list[Rule] = []


def rule(slug: str, resource: str, message: str, hint: str | None = None):
    def register(func):
        RULES.append(Rule(slug, resource, message, func, hint))
        return func

    return register


# --- cross-field rules ---------------------------------------------------------------------------

@rule("claim-count-bounds", "claims", "count_low must not exceed count_high")
def _count_bounds(df, frames):
    return df["count_high"].isna() | (df["count_low"] <= df["count_high"])


@rule("claim-typed-value", "claims", "a claim's typed column must be filled for its value_type",
      hint="count claims need count_value, date claims date_value, entity claims entity_id")
def _typed_value(df, frames):
    kind = df["value_type"]
    return ((kind != "count") | df["count_value"].notna()) & ((kind != "date") | df["date_value"].notna()) \
        & ((kind != "entity") | df["entity_id"].notna())


@rule("date-after-publication", "claims", "a claim's date falls after its article was published",
      hint="an article cannot report what happened after it was published")
def _after_publication(df, frames):
    import pyarrow as pa
    import pyarrow.compute as pc

    sources = frames.get("sources")
    if sources is None:
        return None
    ends = pa.array([_period_end(d, p) for d, p in zip(sources["published"], sources["published_precision"])],
                    type=pa.date32())
    position = pc.index_in(_arrow(df["source_id"]), value_set=_arrow(sources["source_id"]))
    limit = pc.take(ends, position)
    ok = pa.scalar(True)
    for column in ("date_value", "as_of"):
        ok = pc.and_(ok, pc.fill_null(pc.less_equal(_arrow(df[column]), limit), True))
    return _series(ok, df)


@rule("future-date", "*", "a date lies in the future", hint="a dataset of events records what already happened")
def _future(df, frames):
    import pyarrow as pa
    import pyarrow.compute as pc

    today = pa.scalar(dt.date.today(), pa.date32())
    ok = None
    for column in df.columns:
        if str(df[column].dtype).startswith("date32"):
            fine = pc.fill_null(pc.less_equal(_arrow(df[column]), today), True)
            ok = fine if ok is None else pc.and_(ok, fine)
    return None if ok is None else _series(ok, df)


@rule("sanction-lifted-before-imposed", "sanctions", "a sanction is lifted before it was imposed")
def _lift_order(df, frames):
    import pyarrow as pa
    import pyarrow.compute as pc

    # Compare at the coarser of the two precisions: "2021" is not before "2021-08". Only dates given as
    # the period itself are compared here; qualified ones ("by", "after") were compared as intervals
    # when the package was built.
    plain = pa.scalar(True)
    for column in ("lifted_on_qualifier", "imposed_on_qualifier"):
        if column in df.columns:  # packages built before dates had qualifiers have only plain dates
            as_period = pc.is_in(_arrow(df[column]), value_set=pa.array(["exact", "since"]))
            plain = pc.and_(plain, pc.fill_null(as_period, True))
    lifted, imposed = (pc.strftime(_arrow(df[c]), format="%Y-%m-%d") for c in ("lifted_on", "imposed_on"))
    width = {"year": 4, "month": 7, "day": 10}
    ok = pa.scalar(True)
    for precision_a, length_a in width.items():
        for precision_b, length_b in width.items():
            length = min(length_a, length_b)
            rows = pc.and_(pc.equal(_arrow(df["lifted_on_precision"]), precision_a),
                           pc.equal(_arrow(df["imposed_on_precision"]), precision_b))
            early = pc.less(pc.utf8_slice_codeunits(lifted, 0, length), pc.utf8_slice_codeunits(imposed, 0, length))
            ok = pc.and_(ok, pc.invert(pc.fill_null(pc.and_(pc.and_(rows, early), plain), False)))
    return _series(ok, df)


def _arrow(series):
    import pyarrow as pa

    return pa.array(series.array)


def _series(mask, df):
    import pandas as pd

    if not hasattr(mask, "to_numpy"):
        return pd.Series(bool(mask.as_py()), index=df.index)
    return pd.Series(mask.to_numpy(zero_copy_only=False), index=df.index)


@rule("conflict-resolution", "conflicts", "a conflict resolved by the curator must say what was chosen")
def _resolution(df, frames):
    return (df["status"] != "resolved_by_curator") | df["resolution"].notna()


@rule("conflict-has-claims", "conflicts", "a conflict must name the claims involved")
def _conflict_claims(df, frames):
    return df["claim_ids"].notna() & (df["claim_ids"].list.len() > 0)


@rule("claim-ids-exist", "*", "a value's claims must exist in the claims resource",
      hint="every id in a *_claims or claim_ids column must be a claim_id of claims")
def _claims_exist(df, frames):
    columns = [c for c in df.columns if c.endswith("_claims") or c in ("claim_ids", "claims")]
    if not columns or "claims" not in frames:
        return None
    import pandas as pd
    import pyarrow.compute as pc

    known = _arrow(frames["claims"]["claim_id"])
    ok = pd.Series(True, index=df.index)
    for column in columns:
        lists = _arrow(df[column])
        flat = pc.list_flatten(lists)
        missing = pc.invert(pc.is_in(flat, value_set=known))
        parents = pc.list_parent_indices(lists)
        bad = set(pc.filter(parents, missing).to_pylist())
        if bad:
            ok &= ~df.index.isin(sorted(bad))
    return ok


def _resolved_prefixes(columns) -> list[str]:
    return [c[: -len("_status")] for c in columns if c.endswith("_status") and f"{c[:-7]}_claims" in columns]


@rule("resolved-field-consistent", "*", "a resolved field's value, status, claims and companions disagree",
      hint="a value needs a status other than conflict and its claims; a conflict has candidates and no value")
def _resolved_consistent(df, frames):
    prefixes = _resolved_prefixes(df.columns)
    if not prefixes:
        return None
    ok = True
    for prefix in prefixes:
        value = df[prefix] if prefix in df.columns else df.get(f"{prefix}_id")
        status, claims = df[f"{prefix}_status"], df[f"{prefix}_claims"]
        ok = ok & (status.isna() == claims.isna())
        if value is not None:
            ok = ok & ((status != "conflict") | value.isna()) & (value.isna() | status.isin(STATUSES))
            for companion in (f"{prefix}_qualifier", f"{prefix}_precision", f"{prefix}_as_of",
                              f"{prefix}_as_of_precision"):
                if companion in df.columns:
                    ok = ok & (df[companion].isna() == value.isna())
        if f"{prefix}_origins" in df.columns:
            ok = ok & (df[f"{prefix}_origins"].isna() == (status.isna() | (status == "conflict")).fillna(True))
        if f"{prefix}_candidates" in df.columns:
            disputed = (status == "conflict").fillna(False)
            ok = ok & (df[f"{prefix}_candidates"].notna() == disputed)
        if f"{prefix}_upper" in df.columns:
            ok = ok & (df[f"{prefix}_upper"].notna() == (df[f"{prefix}_qualifier"] == "between").fillna(False))
    return ok


def _period_end(start, precision):
    """Last day of the period that begins at `start` with `precision` (day, month or year)."""
    import pandas as pd

    from ..values import DateValue

    if start is None or pd.isna(start):
        return None
    return DateValue(start.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)]).end


# --- running -------------------------------------------------------------------------------------

def build_model(name: str, schema: dict, frames: dict):
    """The pandera model of one table (columns from its Frictionless schema, checks from RULES) and its rules."""
    import pandera.pandas as pdr

    columns = {
        f["name"]: pdr.Column(nullable=not f.get("constraints", {}).get("required", False), required=True)
        for f in schema["fields"]
    }
    rules = [item for item in RULES if item.resource in (name, "*")]
    checks = [pdr.Check(_guard(item, frames), name=item.slug, error=item.slug) for item in rules]
    return pdr.DataFrameSchema(columns, checks=checks, name=name, strict=True), rules


def _guard(item: Rule, frames: dict):
    def check(df):
        result = item.check(df, frames)
        return True if result is None or result is True else result

    return check


def check_rules(tables: dict, meta: dict, checked: dict) -> list[Issue]:
    """Run every table's pandera model lazily; return one Issue per failing row and rule."""
    import pandas as pd
    import pandera.errors

    frames = {name: table.to_pandas(types_mapper=pd.ArrowDtype) for name, table in tables.items()}
    issues = []
    for resource in meta["resources"]:
        name = resource["name"]
        if name not in frames:
            continue
        model, rules = build_model(name, resource["schema"], frames)
        try:
            model.validate(frames[name], lazy=True)
        except pandera.errors.SchemaErrors as exc:
            issues.extend(_issues(exc.failure_cases, resource, checked[name], {r.slug: r for r in rules}))
    return issues


def _issues(failures, resource: dict, checked, rules: dict) -> list[Issue]:
    from .tables import MAX_CELLS_PER_RULE

    issues, seen, counts = [], set(), {}
    for row in failures.itertuples(index=False):
        slug = str(row.check)
        index = None if row.index is None or row.index != row.index else int(row.index)
        if (slug, index) in seen:  # a frame-level check reports each column of a failing row
            continue
        seen.add((slug, index))
        counts[slug] = counts.get(slug, 0) + 1
        if counts[slug] <= MAX_CELLS_PER_RULE:
            issues.append(_issue(slug, index, row, resource, checked, rules.get(slug)))
    for slug, count in counts.items():
        if count > MAX_CELLS_PER_RULE:
            issues.append(Issue(type=slug, message=f"… and {count - MAX_CELLS_PER_RULE} more rows of "
                                f"{resource['path']} break rule {slug}", file=resource["path"],
                                resource=resource["name"], rule=slug))
    return issues


def _issue(slug, index, row, resource, checked, item: Rule | None) -> Issue:
    column = None if item or row.column in (None, resource["name"]) else str(row.column)
    return Issue(
        type=slug if item else "schema-" + slug.split("(")[0].replace("_", "-"),
        message=f"{resource['path']}: {item.message if item else slug + ' failed for ' + str(column)}",
        file=resource["path"], resource=resource["name"],
        line=checked.lines.line(index) if index is not None else None,
        row=index + 1 if index is not None else None, field=column,
        value=None if item or row.failure_case is None else str(row.failure_case)[:200],
        rule=slug, hint=item.hint if item else None,
    )
