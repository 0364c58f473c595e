"""The great-expectations suites (schemas/expectations.json) pass on the committed package (whatever it
holds, a live invariant) and catch broken tables (of the suite's own project)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from toolkit.validate.expectations import check_expectations

from .conftest import ROOT, once_per_run

pytestmark = pytest.mark.slow  # great-expectations: left out of `make test-fast`

PACKAGE = ROOT / "datapackage"
SUITES = ROOT / "schemas" / "expectations.json"


@pytest.fixture(scope="module")
def committed_run(tmp_path_factory):
    """One run over the committed package, with Data Docs (GX is slow to start, so it is shared: once per run)."""
    def make(folder):
        docs = folder / "docs"
        return check_expectations(PACKAGE, SUITES, docs), docs

    return once_per_run(tmp_path_factory, "expectations", make)


def rewrite(parquet, column, row, value):
    """Set one cell of a Parquet file, keeping its Arrow schema."""
    table = pq.read_table(parquet)
    values = table[column].to_pylist()
    values[row] = value
    index = table.schema.get_field_index(column)
    field = table.schema.field(index)
    pq.write_table(table.set_column(index, field, pa.array(values, type=field.type)), parquet)


def test_every_resource_has_a_suite_of_known_expectations(built_package):
    suites = json.loads(SUITES.read_text())["suites"]
    names = {r["name"] for r in json.loads((built_package / "datapackage.json").read_text())["resources"]}
    assert set(suites) == names
    for expectations in suites.values():
        assert all(e["type"].startswith("expect_") and e["meta"]["why"] for e in expectations)


@pytest.mark.live
def test_suites_pass_on_the_committed_package(committed_run):
    issues, _ = committed_run
    assert [i.message for i in issues] == []


def test_broken_tables_are_reported_with_resource_field_and_rule(tmp_path, capfd, built_package):
    package = tmp_path / "datapackage"
    shutil.copytree(built_package, package)
    claim_ids = pq.read_table(package / "data" / "claims.parquet")["claim_id"].to_pylist()
    rewrite(package / "data" / "claims.parquet", "claim_id", 1, claim_ids[0])  # duplicate primary key
    rewrite(package / "data" / "conflicts.parquet", "status", 0, "ignored")  # outside the value set
    (package / "data" / "sources.parquet").unlink()  # sources falls back to its CSV, which still passes

    issues = check_expectations(package, SUITES)

    assert capfd.readouterr().out == ""  # stdout is reserved for the CLI's JSON
    found = {(i.resource, i.field, i.rule.split()[0]): i for i in issues}
    assert len(issues) == len(found) and set(found) == {
        ("claims", "claim_id", "expect_column_values_to_be_unique"),
        ("conflicts", "status", "expect_column_values_to_be_in_set"),
    }
    duplicate = found["claims", "claim_id", "expect_column_values_to_be_unique"]
    assert (duplicate.type, duplicate.severity) == ("expectation-failed", "error")
    assert duplicate.file == "data/claims.parquet"
    assert duplicate.value == f"{claim_ids[0]} (x2)" and duplicate.row == 1 and duplicate.hint
    status = found["conflicts", "status", "expect_column_values_to_be_in_set"]
    assert status.value == "ignored (x1)" and status.row == 1
    assert '"value_set": ["open", "explained", "resolved_by_curator"]' in status.rule
    rows = pq.read_metadata(package / "data" / "conflicts.parquet").num_rows
    assert status.message.startswith(f"conflicts.status: expected column values to be in set, but 1 of {rows} rows")


def test_data_docs_are_written_into_docs_dir(committed_run):
    _, docs = committed_run
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert "claims" in index and "releases" in index
    # pages link to each other relatively, so the site works wherever docs_dir is
    assert (docs / "expectations" / "claims.html").is_file()
    assert str(docs) not in index


def test_importing_the_adapter_does_not_import_great_expectations():
    code = ("import sys, toolkit.validate.expectations; "
            "print(sorted({'great_expectations', 'pandas'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_suite_parameters_resolve_from_tables_and_unknown_ones_are_reported():
    import pandas as pd

    from toolkit.validate.expectations import _parameters

    suites = {"claims": [{"type": "expect_table_row_count_to_be_between",
                          "kwargs": {"min_value": {"$PARAMETER": "sources__row_count"}}},
                         {"type": "expect_column_values_to_be_in_set",
                          "kwargs": {"column": "source_id", "value_set": {"$PARAMETER": "sources__source_id"}}},
                         {"type": "expect_column_values_to_be_in_set",
                          "kwargs": {"column": "x", "value_set": {"$PARAMETER": "sources__nothing"}}}]}
    tables = {"sources": ("data/sources.parquet", pd.DataFrame({"source_id": ["b", "a", None, "a"]}))}
    issues, values = _parameters(suites, tables, "expectations.json")
    assert values == {"sources__row_count": 4, "sources__source_id": ["a", "b"]}
    assert [(i.type, i.value) for i in issues] == [("expectation-parameter-unknown", "sources__nothing")]


def _contributed_projects() -> list[str]:
    """The suite's own project, that project grown by the shapes real contributions made (tests/test_shapes.py:
    several true values among them), and every rule fixture where a rule fires: articles a contributor
    could add."""
    from .test_rule_fixtures import CASES

    return ["project", "shapes", *(case for case in CASES if case.endswith("/fires"))]


def _assemble_contributed(name: str, tmp_path):
    from .conftest import assemble_project
    from .test_rule_fixtures import RULES, assemble

    if name == "project":
        return assemble_project(tmp_path / "project")
    if name == "shapes":
        from .test_shapes import assemble_shapes

        return assemble_shapes(tmp_path / "shapes")
    return assemble(RULES / name, tmp_path / name.replace("/", "-"))


def test_articles_make_every_conflict_kind_the_schema_allows(tmp_path):
    """Between them, the projects below make each kind of conflict the schema allows, so each kind is
    built and checked against the expectations there."""
    from toolkit.project import open_project
    from toolkit.pipeline import compile_dataset
    from toolkit.report import Report

    enum = next(f for f in json.loads((ROOT / "schemas/conflicts.schema.json").read_text())["fields"]
                if f["name"] == "kind")["constraints"]["enum"]
    made = set()
    for name in _contributed_projects():
        report = Report()
        compiled = compile_dataset(open_project(_assemble_contributed(name, tmp_path)), report)
        assert compiled is not None and report.valid, (name, [i.message for i in report.errors])
        made |= {row["kind"] for row in compiled.tables["conflicts"]}
    assert made == set(enum)


@pytest.mark.parametrize("name", _contributed_projects())
def test_articles_making_every_conflict_kind_build_packages_that_pass_their_own_expectations(name, tmp_path,
                                                                                            built_package):
    """Each project that makes a kind of conflict (the suite's own, and the rule fixtures where a rule
    fires) builds, validates and passes the suite the package ships (once a person's exception, made by
    a valid article, failed it). One test a project, so that the suite's workers share them."""
    from toolkit.project import open_project
    from toolkit.pipeline import build_package

    root = _assemble_contributed(name, tmp_path)
    if name == "project":  # the suite's own project builds the run's `built_package` (which asserts it built)
        shutil.copytree(built_package, root / "datapackage")
    else:
        result = build_package(open_project(root), root / "datapackage")
        assert result.ok, (name, [i.message for i in result.report.errors])
    issues = check_expectations(root / "datapackage", root / "datapackage" / "expectations.json")
    assert [i.message for i in issues if i.severity == "error"] == [], name  # a heuristic may warn
    built = {row["kind"] for row in pq.read_table(root / "datapackage/data/conflicts.parquet").to_pylist()}
    assert built, name  # each of them makes at least one conflict, so the suite meets conflict rows
