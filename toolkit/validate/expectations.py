"""great-expectations: the suites of schemas/expectations.json, one per resource
(entries `{type, kwargs, meta.why}`), run against a built package's tables; every
failed expectation becomes an Issue whose hint is its `meta.why`. Suite parameters
named `<resource>__row_count` or `<resource>__<column>` are filled from the package,
so one table can be checked against another; given a docs directory, the suites and
results are also written there as HTML pages (`datadocs`: rendered here, every value
and name escaped, rather than by GX's own Data Docs, which insert cell values into
its pages unescaped). great_expectations and pandas are imported inside the functions,
so the CLI only pays for them when this check runs.
"""

from __future__ import annotations

import functools
import json
import math
import numbers
from pathlib import Path

from ..report import Issue

_SOURCE = "datapackage"
"""Name of the pandas data source; GX names batches `<source>-<resource>`."""


def check_expectations(package_dir: Path, suite_path: Path, docs_dir: Path | None = None) -> list[Issue]:
    """Validate each resource that has a suite; build Data Docs into docs_dir if given."""
    from ..ingest.jsonio import load_json
    from ..ingest.schemas import check_suite
    from ..report import Report

    from .package import read_descriptor

    package_dir, suite_path = Path(package_dir), Path(suite_path)
    report = Report()
    # read as the package checks read it (their report says what is wrong): only well-formed resources
    descriptor = read_descriptor(package_dir / "datapackage.json", Report())
    document = load_json(suite_path, report, suite_path.name)
    if document is not None:
        check_suite(document, report, suite_path.name)
    if descriptor is None or document is None or not report.valid:
        if docs_dir is not None:  # the pages still say what stopped the check
            from .datadocs import write_data_docs

            write_data_docs(Path(docs_dir), {}, {}, report.issues)
        return report.issues
    suites = document["suites"]
    twins = _parquet_paths(package_dir, descriptor)
    resources = {r["name"]: {**r, "parquet": twins.get(r["name"]) or r.get("parquet")} for r in descriptor["resources"]}
    needed = set(suites) | {name.split("__", 1)[0] for name in _parameter_names(suites)}
    issues, tables = _load_tables(package_dir, resources, needed)
    unknown, parameters = _parameters(suites, tables, suite_path.name)
    issues += unknown
    context = _context()
    outcomes: dict[str, list] = {}
    for name, expectations in suites.items():
        if name in tables:
            found, outcomes[name] = _validate(context, name, tables[name], expectations, parameters, suite_path.name,
                                              observed=docs_dir is not None)
            issues += found
    if docs_dir is not None:
        from .datadocs import write_data_docs

        write_data_docs(Path(docs_dir), suites, outcomes, issues)
    return issues


def _parquet_paths(package_dir: Path, descriptor: dict) -> dict[str, dict]:
    """{resource: {path}} of the Parquet copies the package's Parquet descriptor names."""
    from ..ingest.jsonio import load_json
    from ..packagefiles import PARQUET_DESCRIPTOR
    from ..report import Report
    from .package import companion_paths

    if PARQUET_DESCRIPTOR not in companion_paths(descriptor) or not (package_dir / PARQUET_DESCRIPTOR).is_file():
        return {}
    twin = load_json(package_dir / PARQUET_DESCRIPTOR, Report(), PARQUET_DESCRIPTOR)
    resources = twin.get("resources") if isinstance(twin, dict) else None
    return {r["name"]: {"path": r.get("path")} for r in resources or []
            if isinstance(r, dict) and isinstance(r.get("name"), str)}


def _load_tables(package_dir: Path, resources: dict, names: set[str]) -> tuple[list[Issue], dict]:
    """Each named resource as (data file relative to the package, DataFrame); missing ones as Issues.

    A resource whose path is absolute, a URL or leaves the package is never read here: the package
    checks report it, and the expectations skip it."""
    from .package import unsafe_path

    issues, tables = [], {}
    for name in sorted(names):
        if name not in resources:
            issues.append(Issue(type="expectation-resource-missing", resource=name, file="datapackage.json",
                                message=f"The expectations name resource {name!r}, which the package does not have."))
            continue
        paths = [resources[name].get("path"), (resources[name].get("parquet") or {}).get("path")]
        if any(not isinstance(p, str) or unsafe_path(p, package_dir) for p in paths if p is not None):
            issues.append(Issue(type="expectation-resource-skipped", resource=name, file="datapackage.json",
                                severity="warning", message=f"The expectations of {name!r} were not run: its path is "
                                "unsafe (see the unsafe-path error)."))
            continue
        try:
            tables[name] = _read_table(package_dir, resources[name])
        except (OSError, ValueError) as exc:  # pyarrow and pandas errors: one bad file must not stop the rest
            issues.append(Issue(type="expectation-resource-missing", resource=name, file=resources[name].get("path"),
                                message=f"Cannot read {name}: {exc}"))
    return issues, tables


def _read_table(package_dir: Path, resource: dict):
    """Prefer the Parquet copy (typed); fall back to the CSV with dates parsed per the table schema."""
    import pandas as pd

    parquet = (resource.get("parquet") or {}).get("path")
    if parquet and (package_dir / parquet).is_file():
        return parquet, pd.read_parquet(package_dir / parquet)
    frame = pd.read_csv(package_dir / resource["path"])
    for field in resource.get("schema", {}).get("fields", []):
        if field.get("type") == "date" and field["name"] in frame:
            # date kwargs such as min_value are parsed to datetime.date, so the column must hold dates too
            frame[field["name"]] = pd.to_datetime(frame[field["name"]], errors="coerce").dt.date
    return resource["path"], frame


def _parameter_names(node) -> set[str]:
    """Every `{"$PARAMETER": name}` in a suite (or a whole file) of expectations."""
    if isinstance(node, dict):
        if "$PARAMETER" in node:
            return {node["$PARAMETER"]}
        return set().union(*map(_parameter_names, node.values()))
    if isinstance(node, list):
        return set().union(*map(_parameter_names, node))
    return set()


def _parameters(suites: dict, tables: dict, suite_file: str) -> tuple[list[Issue], dict]:
    """Resolve `<resource>__row_count` and `<resource>__<column>` from the tables; report the rest."""
    issues, values = [], {}
    for name in sorted(_parameter_names(suites)):
        resource, _, what = name.partition("__")
        frame = tables.get(resource, (None, None))[1]
        if frame is not None and what == "row_count":
            values[name] = len(frame)
        elif frame is not None and what in frame:
            values[name] = sorted(str(v) for v in frame[what].dropna().unique())
        elif resource in tables:  # a missing resource was already reported by _load_tables
            issues.append(Issue(type="expectation-parameter-unknown", file=suite_file, resource=resource, value=name,
                                message=f"Suite parameter {name!r} names no column of {resource}.",
                                hint="Use <resource>__row_count or <resource>__<column>."))
    return issues, values


@functools.cache
def _context():
    """An in-memory GX context, quiet (no analytics, no progress bars), without a Data Docs site of its own; one
    per process, made on first use. It holds only the pandas data source, as each run deletes the asset it adds
    (a test run or a long-lived caller checks many packages; making a context costs 0.4 s)."""
    return _new_context()


def _new_context():
    import logging

    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig)

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False), data_docs_sites={},
        analytics_enabled=False, progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False))
    context = gx.get_context(mode="ephemeral", project_config=config)
    context.data_sources.add_pandas(_SOURCE)
    return context


def _validate(context, name, table, expectations, parameters, suite_file, observed: bool) -> tuple[list[Issue], list]:
    """One resource: its suite run on a batch of its dataframe (nothing is kept in the context's stores, and
    the asset is deleted after); failures as Issues, and every expectation's outcome (entry, passed, what
    was observed, in words) for the Data Docs.

    GX's detail costs: the suite runs first for what is needed of every expectation (whether it passed,
    and with `observed` what it saw), then again in full detail (the rows and values at fault) only for
    the expectations that failed or, with `observed`, met values they did not expect: the same results
    as one run in full detail, in about 60% of its time."""
    file, frame = table
    issues, configurations = _configurations(name, expectations, parameters, suite_file)
    source = context.data_sources.get(_SOURCE)
    asset = source.add_dataframe_asset(name)
    try:
        batch = asset.add_batch_definition_whole_dataframe(name).get_batch(batch_parameters={"dataframe": frame})
        results = _run(batch, name, configurations, parameters, "BASIC" if observed else "BOOLEAN_ONLY")
        again = {r.expectation_config.meta["position"] for r in results
                 if not r.success or (observed and (r.result or {}).get("unexpected_count"))}
        if again:
            detailed = _run(batch, name, [c for c in configurations if c.meta["position"] in again], parameters,
                            "SUMMARY")
            results = [r for r in results if r.expectation_config.meta["position"] not in again] + detailed
    finally:
        source.delete_asset(name)
    results.sort(key=lambda r: r.expectation_config.meta.get("position", 0))
    outcomes = [(expectations[r.expectation_config.meta["position"]], bool(r.success),
                 _observed(r.result or {}), _message(name, _field(expectations[r.expectation_config.meta["position"]]
                                                                  .get("kwargs", {})), r.expectation_config.type, r))
                for r in results]
    return issues + [_issue(name, file, expectations, r) for r in results if not r.success], outcomes


def _run(batch, name: str, configurations: list, parameters: dict, result_format: str) -> list:
    import contextlib
    import sys

    import great_expectations as gx

    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the CLI's JSON
        return list(batch.validate(gx.ExpectationSuite(name=name, expectations=configurations),
                                   result_format=result_format, expectation_parameters=parameters).results)


def _configurations(name, expectations, parameters, suite_file) -> tuple[list[Issue], list]:
    """The JSON entries as GX expectations; malformed or unresolvable ones become Issues instead."""
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    issues, built = [], []
    for position, entry in enumerate(expectations):
        meta = {**entry.get("meta", {}), "position": position}  # links a result back to its JSON entry
        try:
            if not _parameter_names(entry.get("kwargs", {})) <= parameters.keys():
                continue  # already reported by _parameters
            configuration = ExpectationConfiguration(type=entry["type"], kwargs=entry.get("kwargs", {}), meta=meta)
            built.append(configuration.to_domain_obj())  # validates the type name and kwargs now
        except Exception as exc:  # noqa: BLE001 - GX raises many types here; each is a bad suite entry
            issues.append(Issue(type="expectation-invalid", file=suite_file, resource=name, rule=entry.get("type"),
                                message=f"Expectation {position + 1} of {name} cannot be built: {' '.join(str(exc).split())}"))
    return issues, built


def _issue(name: str, file: str, expectations: list, result) -> Issue:
    """A failed ExpectationValidationResult as an Issue located at the resource's data file."""
    config = result.expectation_config
    entry = expectations[config.meta["position"]]
    kwargs = entry.get("kwargs", {})
    field = _field(kwargs)
    index = (result.result or {}).get("partial_unexpected_index_list") or []
    severity = entry.get("meta", {}).get("severity", "error")  # a heuristic ("mostly") is a warning
    return Issue(
        type="expectation-failed", severity=severity if severity in ("error", "warning") else "error", file=file,
        resource=name, field=field,
        # the first offending row; pandas gives its RangeIndex label, 0-based
        row=int(index[0]) + 1 if index and isinstance(index[0], numbers.Integral) else None,
        value=_observed(result.result or {}), rule=f"{entry['type']} {json.dumps(kwargs, ensure_ascii=False)}",
        message=_message(name, field, entry["type"], result), hint=entry.get("meta", {}).get("why"))


def _field(kwargs: dict) -> str | None:
    """The column an expectation is about, or its columns joined by commas (compound keys, column pairs)."""
    columns = kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
    return ", ".join(columns) or None


def _message(name: str, field: str | None, type: str, result) -> str:
    """One sentence: where, what was expected, and how the data falls short."""
    where = f"{name}.{field}" if field and "," not in field else f"{name} ({field})" if field else name
    expected = type.removeprefix("expect_").replace("_", " ") + _bounds(result.expectation_config.kwargs)
    info, outcome = result.exception_info or {}, result.result or {}
    errors = [info] if "exception_message" in info else list(info.values())
    raised = [e.get("exception_message") for e in errors if isinstance(e, dict) and e.get("raised_exception")]
    if raised:
        detail = f"it could not be checked: {str(raised[0]).rstrip('.')}"
    elif "unexpected_count" in outcome:
        detail = f"{outcome['unexpected_count']} of {outcome.get('element_count')} rows do not comply"
    else:
        detail = f"the observed value is {_observed(outcome)}"
    return f"{where}: expected {expected}, but {detail}."


def _bounds(kwargs: dict) -> str:
    """The resolved min_value/max_value (suite parameters substituted) in words, if the expectation has any."""
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is not None and high is not None:
        return f" (from {_text(low)} to {_text(high)})"
    return f" (at least {_text(low)})" if low is not None else f" (at most {_text(high)})" if high is not None else ""


def _observed(outcome: dict) -> str | None:
    """The observed value, or up to five distinct unexpected values with their counts."""
    if "observed_value" in outcome:
        return _text(outcome["observed_value"])
    counts = [c for c in outcome.get("partial_unexpected_counts") or [] if not _missing(c["value"])]
    if counts:
        return "; ".join(f"{_text(c['value'])} (x{c['count']})" for c in counts[:5])
    values = [v for v in outcome.get("partial_unexpected_list") or [] if not _missing(v)]
    return ", ".join(dict.fromkeys(_text(v) for v in values[:5])) or None


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text(value) -> str:
    if isinstance(value, dict):
        value = tuple(value.values())  # a compound key, as GX lists it
    if isinstance(value, tuple):
        return "(" + ", ".join(_text(v) for v in value) + ")"
    value = value.item() if hasattr(value, "item") else value  # numpy scalars would print as np.int64(3)
    # integer columns with gaps come back from pandas as floats; 250.0 was written as 250
    return str(int(value) if isinstance(value, float) and value.is_integer() else value)
