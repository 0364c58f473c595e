"""`prisoner-data validate`: the corpus of bad contributions and bad packages.

Each case breaks one thing in a scratch copy and asserts the issue type, the
file and line (or column), and the exit code. None may crash with a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from toolkit.cli import main


def validate(runner, path, *args):
    result = runner.invoke(main, ["validate", str(path), "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result, (json.loads(result.stdout) if result.stdout.strip().startswith("{") else None)


def find(issues, type_):
    found = [i for i in issues["issues"] if i["type"] == type_]
    assert found, f"no {type_} in {[i['type'] for i in issues['issues']]}"
    return found[0]


@pytest.fixture
def package(tmp_path, built_package) -> Path:
    target = tmp_path / "pkg"
    shutil.copytree(built_package, target)
    return target


def test_the_project_and_the_package_are_valid(runner, project, built_package):
    for path in (project, built_package, built_package / "datapackage.json"):
        result, report = validate(runner, path)
        assert result.exit_code == 0, report
        assert report["valid"] and report["errors"] == 0


def test_text_output_ends_with_a_verdict(runner, built_package):
    result = runner.invoke(main, ["validate", str(built_package)])
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("valid (0 errors, 0 warnings)")


def test_a_path_that_is_neither_project_nor_package_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a project (no seeds/) and not a built package" in result.stderr


# --- contributions: seeds YAML ------------------------------------------------------------------

CLAIMS = "seeds/claims/fixture-herald-2025-12-14.yaml"


def _line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def _replace(path: Path, old: str, new: str) -> int:
    line = _line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return line


def assert_invalid(runner, path, type_, file=None, line=None, field=None):
    result, report = validate(runner, path)
    assert result.exit_code == 1, report
    issue = find(report, type_)
    if file:
        assert issue["file"] == file, issue
    if line:
        assert issue["line"] == line, issue
    if field:
        assert issue["field"] == field, issue
    assert issue["message"]
    return issue


def test_non_utf8_claims_file(runner, project):
    path = project / CLAIMS
    line = _line_of(path, "a prominent opposition activist, was among")
    path.write_bytes(path.read_bytes().replace(b"prominent opposition", b"prominent \xe9opposition", 1))
    assert_invalid(runner, project, "encoding-error", CLAIMS, line)


def test_an_article_holding_a_run_of_5000_digits_is_read_without_an_internal_error(runner, project):
    """5,000 digits in a row are no count: validate, build, conflicts and extract read such an article
    (they stopped with exit 4, 'internal error', when Python refused to read the digits as a number)."""
    from .projectkit import add_article

    add_article(project, "test-digits-2025-12-20", f"Vilnius — The ledger read {'7' * 5000}; 12 were freed.\n", [],
                published="2025-12-20")
    article = project / "seeds" / "articles" / "test-digits-2025-12-20.txt"
    result, report = validate(runner, project)
    assert result.exit_code == 0, report
    assert [i["value"] for i in report["issues"] if i["type"] == "uncited-figure"] == ["12"]
    for args in (["build", "--project", str(project), "--out", str(project / "out")],
                 ["conflicts", "--project", str(project)], ["extract", str(article), "--project", str(project)]):
        done = runner.invoke(main, args)
        assert done.exit_code == 0 and "internal error" not in done.output, (args[0], done.output[-500:])


def test_an_article_over_the_size_cap_is_refused_with_an_issue_naming_it(runner, project):
    """A 50 MB article took validate over ten minutes and flooded the job summary: an article larger
    than the cap is not read, an error in the report names it (not an exception), and extract says so."""
    from toolkit.ingest.sources import MAX_ARTICLE_BYTES

    from .projectkit import add_article

    phrase = "Vilnius — freed 12 prisoners on 3 May 2025; "
    add_article(project, "test-huge-2025-12-20", phrase * (MAX_ARTICLE_BYTES // len(phrase.encode()) + 1), [],
                published="2025-12-20")
    article = project / "seeds" / "articles" / "test-huge-2025-12-20.txt"
    result, report = validate(runner, project)
    assert result.exit_code == 1, report
    issue = find(report, "article-too-large")
    assert issue["file"] == "seeds/articles/test-huge-2025-12-20.txt" and issue["severity"] == "error"
    assert f"{article.stat().st_size:,} bytes" in issue["message"]
    assert not [i for i in report["issues"] if i["type"] == "uncited-figure"]
    done = runner.invoke(main, ["extract", str(article), "--project", str(project)])
    assert done.exit_code == 3 and "test-huge-2025-12-20.txt is 2," in done.stderr, done.output


def test_byte_order_mark(runner, project):
    path = project / CLAIMS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert_invalid(runner, project, "byte-order-mark", CLAIMS, 1)


def test_crlf_line_ends(runner, project):
    path = project / CLAIMS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert_invalid(runner, project, "crlf-line-endings", CLAIMS, 1)


def test_empty_claims_file(runner, project):
    (project / CLAIMS).write_text("")
    assert_invalid(runner, project, "empty-file", CLAIMS, 1)


def test_truncated_claims_file(runner, project):
    path = project / CLAIMS
    text = path.read_text()
    cut = text.index("  - id: fh-005")
    path.write_text(text[: cut + len("  - id: fh-005\n    subject: release-fx")])
    issue = assert_invalid(runner, project, "missing-field", CLAIMS)
    assert issue["line"] == _line_of(path, "  - id: fh-005")


def test_wrong_type_of_count(runner, project):
    line = _replace(project / CLAIMS, "    value: 31\n", "    value: many\n")
    assert_invalid(runner, project, "invalid-count", CLAIMS, line, "value")


def test_negative_count(runner, project):
    line = _replace(project / CLAIMS, "    value: 31\n", "    value: -31\n")
    assert_invalid(runner, project, "invalid-count", CLAIMS, line, "value")


def test_absurd_count(runner, project):
    line = _replace(project / CLAIMS, "    value: 40\n", "    value: 4000000\n")
    issue = assert_invalid(runner, project, "absurd-count", CLAIMS, line, "value")
    assert "at most 100000" in issue["message"]


def test_impossible_date(runner, project):
    line = _replace(project / CLAIMS, '    as_of: "2025-12-14"', '    as_of: "2025-02-30"')
    assert_invalid(runner, project, "invalid-date", CLAIMS, line, "as_of")


def test_future_date(runner, project):
    line = _replace(project / CLAIMS, '    as_of: "2025-12-14"', '    as_of: "2999-01-01"')
    assert_invalid(runner, project, "future-date", CLAIMS, line, "as_of")


def test_date_after_the_article_was_published(runner, project):
    line = _replace(project / CLAIMS, '    as_of: "2025-12-14"', '    as_of: "2026-01-20"')
    assert_invalid(runner, project, "date-after-publication", CLAIMS, line, "as_of")


def test_duplicate_claim_id(runner, project):
    line = _replace(project / CLAIMS, "id: fh-012", "id: fh-002")
    assert_invalid(runner, project, "duplicate-id", CLAIMS, line, "id")


def test_dangling_reference(runner, project):
    line = _replace(project / CLAIMS, "value: release-fx-december\n", "value: release-fx-decembre\n")
    assert_invalid(runner, project, "unknown-entity", CLAIMS, line, "value")


def test_formula_in_a_text_field(runner, project):
    line = _replace(project / CLAIMS, "    note: Saturday before the article's dateline of Sunday, December 14.",
                    '    note: "=HYPERLINK(\\"http://example.invalid\\")"')
    assert_invalid(runner, project, "formula-injection", CLAIMS, line, "note")


def test_invalid_table_schema_json(runner, project):
    path = project / "schemas/people.schema.json"
    path.write_text(path.read_text()[:-20])
    assert_invalid(runner, project, "invalid-json", "schemas/people.schema.json")


def test_every_problem_of_a_contribution_in_one_run(runner, project):
    _replace(project / CLAIMS, "    value: 31\n", "    value: many\n")
    _replace(project / CLAIMS, '    as_of: "2025-12-14"', '    as_of: "2999-01-01"')
    _replace(project / CLAIMS, "id: fh-012", "id: fh-002")
    result, report = validate(runner, project)
    assert {"invalid-count", "future-date", "duplicate-id"} <= {i["type"] for i in report["issues"]}


# --- packages: CSV, Parquet and descriptor --------------------------------------------------------

def _csv_replace(package: Path, name: str, old: str, new: str) -> int:
    path = package / "data" / f"{name}.csv"
    return _replace(path, old, new)


def test_csv_wrong_type(runner, package):
    line = _csv_replace(package, "sources", ",835,", ",eight hundred,")
    issue = assert_invalid(runner, package, "type-error", "data/sources.csv", line, "bytes")
    assert issue["value"] == "eight hundred"
    find(validate(runner, package)[1], "hash-mismatch")


def test_csv_negative_count(runner, package):
    line = _csv_replace(package, "releases", ",12,exact,", ",-12,exact,")
    issue = assert_invalid(runner, package, "out-of-range", "data/releases.csv", line, "released_count")
    assert issue["rule"] == "minimum: 0"


def test_csv_absurd_count(runner, package):
    line = _csv_replace(package, "releases", ",12,exact,", ",1200000000000,exact,")
    assert_invalid(runner, package, "out-of-range", "data/releases.csv", line, "released_count")


def test_csv_impossible_date(runner, package):
    line = _csv_replace(package, "releases", "2025-06-01,month", "2025-06-31,month")
    assert_invalid(runner, package, "type-error", "data/releases.csv", line, "date")


def test_csv_future_date(runner, package):
    line = _csv_replace(package, "releases", "2025-06-01,month", "2999-06-01,month")
    assert_invalid(runner, package, "future-date", "data/releases.csv", line)


def test_csv_duplicate_id(runner, package):
    line = _csv_replace(package, "sources", "fixture-notes-2025-12-16,", "fixture-herald-2025-12-14,")
    assert_invalid(runner, package, "duplicate-key", "data/sources.csv", field="source_id")
    issue = find(validate(runner, package)[1], "duplicate-key")
    assert issue["line"] in (line - 1, line)


def test_csv_dangling_reference(runner, package):
    line = _csv_replace(package, "release_people", "release-fx-june,oleg-placeholder",
                        "release-fx-june,oleg-nobody")
    assert_invalid(runner, package, "dangling-reference", "data/release_people.csv", line, "person_id")


def test_csv_formula_cell(runner, package):
    line = _csv_replace(package, "people", "Tomas Invent", "=1+1")
    assert_invalid(runner, package, "formula-injection", "data/people.csv", line, "name")


def test_csv_cross_field_rule(runner, package):
    # a curator resolution without its chosen value breaks a pandera rule
    path = package / "data" / "conflicts.csv"
    text = path.read_text()
    row = next(r for r in text.splitlines() if ",resolved_by_curator," in r and r.count(",40,") == 1)
    line = text.splitlines().index(row) + 1
    path.write_text(text.replace(row, row.replace(",40,", ",,", 1)))
    issue = assert_invalid(runner, package, "conflict-resolution", "data/conflicts.csv", line)
    assert issue["rule"] == "conflict-resolution"


def test_csv_non_utf8(runner, package):
    path = package / "data" / "people.csv"
    line = _line_of(path, "Tomas Invent")
    path.write_bytes(path.read_bytes().replace("Tomas Invent".encode(), b"Tomas Inv\xe9nt"))
    assert_invalid(runner, package, "encoding-error", "data/people.csv", line)


def test_csv_byte_order_mark(runner, package):
    path = package / "data" / "people.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert_invalid(runner, package, "byte-order-mark", "data/people.csv", 1)


def test_csv_crlf(runner, package):
    path = package / "data" / "people.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert_invalid(runner, package, "crlf-line-endings", "data/people.csv", 1)


def test_csv_empty(runner, package):
    (package / "data" / "people.csv").write_bytes(b"")
    assert_invalid(runner, package, "empty-file", "data/people.csv", 1)


def test_csv_truncated(runner, package):
    path = package / "data" / "claims.csv"
    data = path.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 40
    path.write_bytes(data[:cut])
    result, report = validate(runner, package)
    assert result.exit_code == 1
    issue = find(report, "bytes-mismatch")
    assert issue["file"] == "data/claims.csv"
    malformed = [i for i in report["issues"] if i["type"] in ("malformed-csv", "type-error", "required-missing")]
    assert malformed and malformed[0]["file"] == "data/claims.csv" and malformed[0]["line"]


def test_truncated_parquet(runner, package):
    path = package / "data" / "claims.parquet"
    path.write_bytes(path.read_bytes()[:1000])
    issue = assert_invalid(runner, package, "parquet-unreadable", "data/claims.parquet")
    assert "truncated" in issue["hint"]


def test_parquet_whose_footer_renames_a_list_leaf_is_unreadable_not_a_crash(runner, package):
    """Found by benchmarks/fuzz_inputs.py: one changed byte in the footer renames the leaf of a list
    column ('element'), while the stored Arrow schema still names it; reading it must be an issue."""
    path = package / "data" / "people.parquet"
    data = path.read_bytes()
    assert b"element" in data
    path.write_bytes(data.replace(b"element", b"elemenX"))
    issue = assert_invalid(runner, package, "parquet-unreadable", "data/people.parquet")
    assert "element" in issue["message"]


def _constrain(package: Path, resource: str, field: str, **constraints) -> None:
    """Add constraints to a field in both descriptors (CSV and Parquet), the Parquet one's entry refreshed."""
    import hashlib

    for name in ("datapackage-parquet.json", "datapackage.json"):
        descriptor = package / name
        meta = json.loads(descriptor.read_text())
        schema = next(r for r in meta["resources"] if r["name"] == resource)["schema"]
        next(f for f in schema["fields"] if f["name"] == field).setdefault("constraints", {}).update(constraints)
        for entry in meta.get("companions", []):
            if entry["path"] == "datapackage-parquet.json":
                data = (package / entry["path"]).read_bytes()
                entry["bytes"], entry["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
        descriptor.write_text(json.dumps(meta, indent=2))


@pytest.mark.slow
@pytest.mark.parametrize("field,constraint,value", [
    ("released_count", "minimum", 10 ** 20),  # beyond a 64-bit integer (found by benchmarks/fuzz_inputs.py)
    ("released_count", "maximum", -(10 ** 20)),
    ("released_count", "minimum", 1.5),  # an integer field's bound is a whole number
    ("date", "minimum", "2025-02-31"),  # shaped like a date, but no such day
])
def test_a_bound_the_field_cannot_hold_is_an_invalid_constraint_not_a_crash(runner, package, field, constraint,
                                                                             value):
    _constrain(package, "releases", field, **{constraint: value})
    issue = assert_invalid(runner, package, "invalid-constraint", field=constraint)
    assert field in issue["message"]


def test_a_date_bound_is_enforced(runner, package):
    releases = (package / "data" / "releases.csv").read_text().splitlines()
    assert len(releases) > 1
    _constrain(package, "releases", "date", minimum="2000-01-01")
    result, report = validate(runner, package)
    assert result.exit_code == 0, report["issues"]
    _constrain(package, "releases", "date", maximum="2000-01-01")
    issue = assert_invalid(runner, package, "out-of-range", "data/releases.csv", field="date")
    assert issue["line"] >= 2


def _rewrite_parquet(package: Path, name: str, edit=None, row_group_size: int = 3) -> None:
    """Write a resource's Parquet twin again in small row groups (optionally edited), and refresh its
    entry in datapackage.json so that only the comparison of values can object."""
    import hashlib

    import pyarrow.parquet as pq

    path = package / "data" / f"{name}.parquet"
    table = pq.read_table(path)
    if edit is not None:
        table = edit(table)
    pq.write_table(table, path, row_group_size=row_group_size)

    def refresh(entry: dict, file: Path) -> None:
        entry["bytes"], entry["hash"] = file.stat().st_size, "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()

    twin = package / "datapackage-parquet.json"
    meta = json.loads(twin.read_text())
    refresh(next(r for r in meta["resources"] if r["name"] == name), path)
    twin.write_text(json.dumps(meta, indent=2))
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    for entry in meta["companions"]:
        if entry["path"] in (f"data/{name}.parquet", twin.name):
            refresh(entry, package / entry["path"])
    descriptor.write_text(json.dumps(meta, indent=2))


def test_a_parquet_twin_in_other_pieces_than_its_csv_is_the_same_table(runner, package):
    _rewrite_parquet(package, "claims")
    result, report = validate(runner, package)
    assert result.exit_code == 0, report["issues"]


def test_a_table_with_no_rows_is_the_same_table_as_its_empty_parquet_twin(runner, package):
    """A resource with no rows (a CSV of its header, a Parquet file of no rows) is valid."""
    import hashlib

    path = package / "data" / "release_groups.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    entry = next(r for r in meta["resources"] if r["name"] == "release_groups")
    entry["bytes"], entry["hash"] = path.stat().st_size, "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    descriptor.write_text(json.dumps(meta, indent=2))
    _rewrite_parquet(package, "release_groups", edit=lambda table: table.slice(0, 0))
    result, report = validate(runner, package)
    assert result.exit_code == 0, report["issues"]


def test_a_parquet_twin_with_one_value_changed_is_reported(runner, package):
    import pyarrow as pa

    def edit(table):
        quotes = table.column("quote").to_pylist()
        quotes[len(quotes) // 2] += "!"
        return table.set_column(table.column_names.index("quote"), "quote", pa.array(quotes, pa.string()))

    _rewrite_parquet(package, "claims", edit)
    issue = assert_invalid(runner, package, "parquet-csv-mismatch", "data/claims.parquet")
    assert "quote" in issue["message"]


@pytest.mark.slow
@pytest.mark.parametrize("bad_path,reason", [
    ("/etc/passwd", "is absolute"),
    ("../outside.csv", "leaves the package directory"),
    ("data/../../outside.csv", "leaves the package directory"),
    ("https://example.invalid/people.csv", "points to a URL"),
])
def test_descriptor_paths_that_escape_are_refused(runner, package, bad_path, reason):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    meta["resources"][3]["path"] = bad_path
    descriptor.write_text(json.dumps(meta, indent=2))
    issue = assert_invalid(runner, package, "unsafe-path", "datapackage.json", field="resource.path")
    assert reason in issue["message"] and issue["resource"] == meta["resources"][3]["name"]


def test_a_file_over_max_bytes_is_not_read(runner, package):
    path = package / "data" / "claims.csv"
    with path.open("r+b") as handle:
        handle.truncate(2 * (1 << 30))  # sparse: 2 GiB without using the disk
    result, report = validate(runner, package, "--max-bytes", str(1 << 30))
    assert result.exit_code == 1
    issue = find(report, "file-too-large")
    assert issue["file"] == "data/claims.csv" and "not read" in issue["message"]


def test_invalid_json_descriptor(runner, package):
    descriptor = package / "datapackage.json"
    lines = descriptor.read_text().splitlines()
    lines[4] = lines[4].rstrip(",")
    descriptor.write_text("\n".join(lines))
    assert_invalid(runner, descriptor, "invalid-json", "datapackage.json", 6)


@pytest.mark.slow
@pytest.mark.parametrize("companions, type_", [
    ([{"path": ["datapackage-parquet.json"]}], "unsafe-path"),  # a path that is not text
    ([{"path": {"p": 1}}, "datapackage-parquet.json"], "unsafe-path"),
    (5, "invalid-descriptor"), ("datapackage-parquet.json", "invalid-descriptor"), ({"path": "x"}, "invalid-descriptor"),
])
def test_companions_of_the_wrong_shape_are_reported_not_a_crash(runner, package, companions, type_):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    meta["companions"] = companions
    descriptor.write_text(json.dumps(meta, indent=2))
    line = next(n for n, text in enumerate(descriptor.read_text().splitlines(), 1) if '"companions"' in text)
    result, report = validate(runner, package)
    assert result.exit_code == 1, result.output
    issue = find(report, type_)
    assert issue["file"] == "datapackage.json" and issue["field"].startswith("companions")
    if type_ == "invalid-descriptor":
        assert issue["line"] == line


def test_an_expectations_entry_that_is_not_an_object_is_reported(runner, package):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    meta["expectations"] = "expectations.json"
    descriptor.write_text(json.dumps(meta, indent=2))
    line = next(n for n, text in enumerate(descriptor.read_text().splitlines(), 1) if '"expectations"' in text)
    assert_invalid(runner, package, "invalid-descriptor", "datapackage.json", line, "expectations")


@pytest.mark.slow
@pytest.mark.parametrize("separate", [True, False])
def test_a_profile_is_never_fetched_nor_read_from_the_working_directory(runner, package, tmp_path, monkeypatch,
                                                                        separate):
    """frictionless would fetch a profile URL, or read a relative one from wherever validate runs."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.httpkit import Server
    from toolkit.report import Report
    from toolkit.validate.package import read_descriptor
    from toolkit.validate.spec import check_spec

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "profile.json").write_text('{"type": "object", "required": ["never-there"]}')
    monkeypatch.chdir(elsewhere)
    server = Server(elsewhere)
    try:
        descriptor = package / "datapackage.json"
        meta = json.loads(descriptor.read_text())
        meta["profile"] = server.url + "profile.json"
        meta["resources"][0]["profile"] = "profile.json"
        descriptor.write_text(json.dumps(meta, indent=2))
        read = read_descriptor(descriptor, Report())
        with ThreadPoolExecutor(max_workers=1) as executor:
            issues = check_spec(read, executor, separate=separate).result()
        result, report = validate(runner, package)
    finally:
        server.close()
    assert server.requests == []
    assert not [i for i in issues if "never-there" in i.message]
    skipped = sorted((i.resource or "", i.field, i.severity) for i in issues if i.type == "profile-not-checked")
    assert skipped == [("", "profile", "warning"), (meta["resources"][0]["name"], "profile", "warning")]
    lines = descriptor.read_text().splitlines()
    top = next(n for n, text in enumerate(lines, 1) if text.startswith('  "profile"'))
    first = next(n for n, text in enumerate(lines, 1) if text.strip() == '"profile": "profile.json",')
    assert result.exit_code == 0
    assert sorted(i["line"] for i in report["issues"] if i["type"] == "profile-not-checked") == sorted([top, first])


@pytest.mark.parametrize("edit, words", [
    (lambda ref: ref.__setitem__("fields", [" "] if isinstance(ref["fields"], list) else " "), "has no field"),
    (lambda ref: ref.__setitem__("resource", "nowhere"), "does not have"),
])
def test_a_foreign_key_to_a_field_or_resource_that_is_not_there_is_reported_not_a_crash(runner, package, edit, words):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    child = next(r for r in meta["resources"] if r["schema"].get("foreignKeys")
                 if r["schema"]["foreignKeys"][0]["reference"].get("resource"))
    edit(child["schema"]["foreignKeys"][0]["reference"])
    descriptor.write_text(json.dumps(meta, indent=2))
    lines = descriptor.read_text().splitlines()
    start = next(n for n, text in enumerate(lines, 1) if f'"name": "{child["name"]}"' in text)
    line = next(n for n, text in enumerate(lines, 1) if n > start and '"foreignKeys"' in text) + 1
    issue = assert_invalid(runner, package, "invalid-schema", "datapackage.json", line)
    assert issue["resource"] == child["name"] and words in issue["message"]


@pytest.mark.slow
@pytest.mark.parametrize("profile", [["tabular-data-package"], {"url": "x"}, 5])
def test_a_profile_that_is_not_text_is_reported_not_a_crash(runner, package, profile):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    meta["profile"] = profile
    descriptor.write_text(json.dumps(meta, indent=2))
    line = next(n for n, text in enumerate(descriptor.read_text().splitlines(), 1) if text.startswith('  "profile"'))
    assert_invalid(runner, package, "invalid-descriptor", "datapackage.json", line, "profile")


def _break_the_spec(package: Path) -> dict[str, int]:
    """Shapes the Data Package spec forbids that the toolkit's own reading lets through; returns the
    line of each broken property."""
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    meta["licenses"], meta["keywords"] = "CC-BY-4.0", "prisoners"
    meta["resources"][1]["dialect"] = {"delimiter": 5}  # the package's own check stops short of a dialect
    descriptor.write_text(json.dumps(meta, indent=2))
    lines = descriptor.read_text().splitlines()
    return {key: next(n for n, line in enumerate(lines, 1) if line.strip().startswith(f'"{key}": {value}'))
            for key, value in (("licenses", '"CC'), ("keywords", '"pri'), ("delimiter", "5"))}


def _spec_found(issues) -> list[tuple]:
    """(type, resource, field, line) of the spec issues, from a JSON report or Issues."""
    rows = [i if isinstance(i, dict) else i.__dict__ for i in issues]
    return sorted((i["type"], i.get("resource") or "", i.get("field"), i.get("line")) for i in rows
                  if i["type"].startswith("spec-"))


def _expected(lines: dict[str, int], package: Path) -> list[tuple]:
    second = json.loads((package / "datapackage.json").read_text())["resources"][1]["name"]
    return sorted([("spec-package-error", "", "licenses", lines["licenses"]),
                   ("spec-package-error", "", "keywords", lines["keywords"]),
                   ("spec-control-error", second, "delimiter", lines["delimiter"])])


@pytest.mark.slow
def test_the_spec_check_runs_beside_a_fresh_process_and_names_each_line(package):
    """A whole `validate` process: frictionless checks the descriptor in a child, never in this process."""
    import subprocess
    import sys

    lines = _break_the_spec(package)
    code = ("import sys\nfrom toolkit.cli import main\ntry:\n    main(['validate', %r, '--format', 'json'])\n"
            "except SystemExit as exit:\n    print('EXIT=%%s' %% exit.code)\n"
            "print('FRICTIONLESS=' + str('frictionless' in sys.modules))") % str(package)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    *report, exit_line, imported = done.stdout.strip().splitlines()
    assert (exit_line, imported) == ("EXIT=1", "FRICTIONLESS=False"), done.stderr[-2000:]
    assert _spec_found(json.loads("\n".join(report))["issues"]) == _expected(lines, package)


@pytest.mark.slow
def test_a_projects_schemas_meet_the_spec_check_in_a_child_and_the_process_imports_none_of_it(tmp_path):
    """`validate` of a project: each table schema goes to frictionless in a child interpreter started
    before the seeds are read, and the process itself loads neither frictionless nor what pandera's
    pyarrow checks do not use (ibis, hypothesis)."""
    import subprocess
    import sys

    from tests.conftest import assemble_project

    project = assemble_project(tmp_path / "project")
    path = project / "schemas" / "people.schema.json"
    schema = json.loads(path.read_text())
    schema["fieldsMatch"] = 5  # the Table Schema spec's own rule: the toolkit's checks say nothing of it
    path.write_text(json.dumps(schema, indent=2))
    code = ("import sys\nfrom toolkit.cli import main\ntry:\n    main(['validate', '--project', %r, '--format', 'json'])\n"
            "except SystemExit as exit:\n    print('EXIT=%%s' %% exit.code)\n"
            "print('LOADED=' + ','.join(m for m in ('frictionless', 'ibis', 'hypothesis') if m in sys.modules))"
            ) % str(project)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    *report, exit_line, loaded = done.stdout.strip().splitlines()
    assert (exit_line, loaded) == ("EXIT=1", "LOADED="), done.stderr[-2000:]
    found = [i for i in json.loads("\n".join(report))["issues"] if i.get("rule") == "Table Schema spec"]
    assert found and {i["file"] for i in found} == {"schemas/people.schema.json"}
    assert all("fieldsMatch" in i["message"] for i in found)


def test_the_spec_check_says_the_same_in_a_child_in_a_thread_and_without_an_interpreter(package, monkeypatch):
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from toolkit.report import Report
    from toolkit.validate import spec
    from toolkit.validate.package import read_descriptor
    from toolkit.validate.spec import check_schemas, check_spec

    lines = _break_the_spec(package)
    meta = read_descriptor(package / "datapackage.json", Report())
    monkeypatch.setattr(spec._Child, "_started", None)  # a child of this test's own
    with ThreadPoolExecutor(max_workers=1) as executor:
        child = check_spec(meta, executor, separate=True).result()
        started = spec._Child._started
        assert started is not None and started.process.poll() is None  # a child answered, and waits for more
        schemas = check_schemas({"broken.schema.json": {"fields": "none"}}, executor, separate=True).result()
        assert spec._Child._started is started and schemas == spec.schema_issues({"broken.schema.json": {"fields": "none"}})
        assert schemas and all(i.file == "broken.schema.json" for i in schemas)  # the same child, a second check
        here = check_spec(meta, executor, separate=False).result()
        monkeypatch.setattr(spec._Child, "_started", None)
        monkeypatch.setattr(sys, "executable", str(package / "no-such-python"))
        fallback = check_spec(meta, executor, separate=True).result()
    started.close()
    assert started.process.returncode == 0  # it ends when its parent stops asking
    assert _spec_found(child) == _expected(lines, package)
    assert child == here == fallback
    assert all(i.file == "datapackage.json" and i.rule == "Data Package spec" for i in child)


def test_a_spec_check_child_never_asked_anything_is_stopped_at_once_and_one_asked_ends_by_itself():
    """A command that started the child early and then checked nothing (an empty folder, a usage error) stops it at exit
    rather than waiting for its imports; a child that answered ends when its input does (no orphan either way)."""
    import signal

    from toolkit.validate import spec

    idle = spec._Child()
    idle.close()
    assert idle.process.returncode == -signal.SIGKILL
    asked = spec._Child()
    assert asked.ask("schemas", {"broken.schema.json": {"fields": "none"}})
    asked.close()
    assert asked.process.returncode == 0


def test_github_format_annotates_within_limits_and_writes_the_summary(runner, package, tmp_path, monkeypatch):
    for row in ("fixture-daily-2025-12", "fixture-notes-2025-12-16", "fixture-wire-2025-12-15"):
        _csv_replace(package, "sources", f"{row},", "fixture-herald-2025-12-14,")
    path = package / "data" / "people.csv"
    path.write_text(path.read_text().replace("single_source", "maybe"))
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(main, ["validate", str(package), "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::error ")]
    assert 0 < len(annotations) <= 10
    assert annotations[0].startswith("::error file=data/")
    assert ",line=" in annotations[0]
    assert lines[-1].startswith("+") and lines[-1].endswith("see the job summary for the full report")
    written = summary.read_text()
    assert "| severity | location |" in written and written.count("\n| error |") > 10


def test_the_job_summary_stays_under_1_mb_whatever_a_contribution_adds(runner, project, monkeypatch):
    """An article dense with figures made a warning of each (a 1 MB one, 13 MB of job summary, which
    GitHub refuses over 1 MiB): the summary lists the first issues, errors and the contribution's own
    files first, and counts the rest as '+N more'."""
    from toolkit.cli.render import markdown_report
    from toolkit.report import Issue, Report

    from .projectkit import add_article

    text = "".join(f"freed {10 + i % 90} prisoners on {1 + i % 28} May 2025; " for i in range(5000))
    add_article(project, "test-dense-2025-12-20", f"Vilnius — {text}\n", [], published="2025-12-20")
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(main, ["validate", "--project", str(project), "--format", "github"])
    assert result.exit_code == 0
    written = summary.read_text(encoding="utf-8")
    assert len(written.encode()) < 1 << 20 and "| warning | seeds/articles/test-dense-2025-12-20.txt:1 |" in written
    shown = written.count("\n| warning |")
    assert f"\n+{10000 - shown} more (0 errors, {10000 - shown} warnings)" in written
    hostile = Report([Issue("quote-not-found", "x" * 100_000, severity="warning", file=f"seeds/claims/c{n}.yaml",
                            value="|" * 100_000) for n in range(5000)] + [Issue("bad", "the one error", file="z")])
    for contributed in (None, {"seeds/claims/c1.yaml"}):
        written = markdown_report(hostile, contributed)
        assert len(written.encode()) < 1 << 20 and "the one error" in written and "+" in written


def test_json_output_is_clean(runner, package):
    _csv_replace(package, "releases", ",12,exact,", ",-12,exact,")
    result = runner.invoke(main, ["validate", str(package), "--format", "json"])
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["errors"] >= 1


@pytest.mark.slow
def test_validate_does_not_import_great_expectations(tmp_path, built_package):
    import subprocess
    import sys

    code = ("import sys\nfrom toolkit.cli import main\ntry:\n    main(['validate', %r, '--format', 'json'])\n"
            "except SystemExit:\n    pass\nprint('GX=' + str('great_expectations' in sys.modules))") % str(built_package)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    assert done.stdout.strip().splitlines()[-1] == "GX=False", done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.parametrize("edit", [
    lambda meta: meta["resources"][0].__setitem__("parquet", "data/releases.parquet"),  # not an object
    lambda meta: meta["resources"][0].pop("path"),
    lambda meta: meta["resources"][0].__setitem__("schema", "releases.schema.json"),
    lambda meta: meta["resources"][0]["schema"]["fields"].append("a field that is not an object"),
    lambda meta: meta.__setitem__("resources", 5),
])
def test_report_html_on_a_malformed_descriptor_reports_and_does_not_crash(runner, package, tmp_path, edit):
    descriptor = package / "datapackage.json"
    meta = json.loads(descriptor.read_text())
    edit(meta)
    descriptor.write_text(json.dumps(meta, indent=2))
    result = runner.invoke(main, ["validate", str(package), "--report", "html", str(tmp_path / "docs"),
                                  "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is False and all(i.get("file") for i in report["issues"] if i["severity"] == "error")


def test_tampered_expectations_suite_is_reported(runner, package):
    suite = package / "expectations.json"
    suite.write_text(suite.read_text().replace('"min_value": 1', '"min_value": 0', 1))
    assert_invalid(runner, package, "hash-mismatch", "expectations.json")


# --- a contributor's own mistakes, apart from the project's ------------------------------------------

def _git(root: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def test_changed_since_puts_the_contributors_own_mistakes_first(runner, project, tmp_path, monkeypatch):
    """The base already has an error the contribution did not make (an article that no longer matches
    its manifest entry); the contribution adds an article whose claim is wrong. Each is reported as what
    it is."""
    from .projectkit import add_article

    article = project / "seeds/articles/fixture-notes-2025-12-16.txt"
    article.write_text(article.read_text().replace("25 Ukrainians", "26 Ukrainians"))
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")
    base = _git(project, "rev-parse", "HEAD").strip()
    ledger = add_article(project, "newdesk-2025-12-19", "Belarus freed 44 prisoners on December 13.\n",
                         published="2025-12-19",
                         claims=[{"id": "nd-001", "subject": "release-fx-december", "property": "released_count",
                                  "value": "many", "quote": "Belarus freed 44 prisoners"}])
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "contribution")
    mine, theirs = "seeds/claims/newdesk-2025-12-19.yaml", "seeds/articles/fixture-notes-2025-12-16.txt"

    result, report = validate(runner, project, "--changed-since", base)
    assert result.exit_code == 1
    flags = {(i["file"], i["type"]): i["contributed"] for i in report["issues"] if i["severity"] == "error"}
    assert flags[(mine, "invalid-count")] is True and flags[(theirs, "article-hash-mismatch")] is False
    assert report["contributed_errors"] == 1 and report["errors"] > 1
    assert ledger.is_file()

    text = runner.invoke(main, ["validate", "--project", str(project), "--changed-since", base])
    yours = text.stdout.index("In the files this contribution changes:")
    elsewhere = text.stdout.index("Elsewhere in the project (no file this contribution changes):")
    assert yours < text.stdout.index(mine) < elsewhere < text.stdout.index(f"{theirs}:")
    assert f"{report['errors']} errors: 1 in the files this contribution changes, {report['errors'] - 1} elsewhere" \
        in text.stdout

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    github = runner.invoke(main, ["validate", "--project", str(project), "--format", "github",
                                  "--changed-since", base]).stdout.splitlines()
    errors = [line for line in github if line.startswith("::error ")]
    assert errors[0].startswith(f"::error file={mine},line=") and "elsewhere in the project" not in errors[0]
    assert all("title=elsewhere in the project%3A " in line for line in errors[1:]), errors
    assert any(line.startswith(f"::error file={theirs},") for line in errors[1:])


def _based(project) -> str:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")
    return _git(project, "rev-parse", "HEAD").strip()


def _annotations(runner, project, base, monkeypatch) -> list[str]:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = runner.invoke(main, ["validate", "--project", str(project), "--format", "github", "--changed-since", base])
    assert result.exit_code == 1
    return [line for line in result.stdout.splitlines() if line.startswith("::error ")]


def test_a_spelling_removed_from_the_registry_is_annotated_on_the_registry_change(runner, project, monkeypatch):
    """Removing a misspelling leaves a claim of another article unresolved: the annotation lands on the
    registry entry that changed and names the claim's line; the claim's own problem names the cause."""
    base = _based(project)
    registry = project / "seeds/registry.yaml"
    registry.write_text(registry.read_text().replace("misspellings: [Mark Dumy, Dumy]", "misspellings: [Mark Dumy]"))
    entry = _line_of(registry, "  - id: mark-dummy")
    claim = _line_of(project / "seeds/claims/fixture-daily-2025-12.yaml", "attributed_to: Dumy")
    errors = _annotations(runner, project, base, monkeypatch)
    assert errors[0].startswith(f"::error file=seeds/registry.yaml,line={entry},title=breaks-elsewhere::")
    assert "this change removes 'Dumy' from mark-dummy" in errors[0]
    assert f"seeds/claims/fixture-daily-2025-12.yaml:{claim}" in errors[0]
    caused = next(line for line in errors if "fixture-daily-2025-12.yaml,line=" + str(claim) in line)
    assert f"caused by this contribution: seeds/registry.yaml:{entry} removes 'Dumy' from mark-dummy" in caused


def test_a_renamed_registry_entry_is_annotated_where_it_now_stands(runner, project):
    base = _based(project)
    registry = project / "seeds/registry.yaml"
    registry.write_text(registry.read_text().replace("  - id: lena-fictiona\n", "  - id: lena-fiktsiona\n"))
    result, report = validate(runner, project, "--changed-since", base)
    [cause] = [i for i in report["issues"] if i["type"] == "breaks-elsewhere"]
    assert (cause["file"], cause["line"]) == ("seeds/registry.yaml", _line_of(registry, "  - id: lena-fiktsiona"))
    assert cause["message"].startswith("this change renames lena-fictiona to lena-fiktsiona;")
    assert cause["contributed"] is True
    broken = [i for i in report["issues"] if i["type"] == "unknown-entity" and i["value"] == "lena-fictiona"]
    assert broken and all("caused by this contribution" in i["message"] for i in broken)
    assert all(f"{i['file']}:{i['line']}" in cause["message"] for i in broken)


def test_a_claim_id_a_decision_lists_renamed_is_annotated_on_the_claims_file(runner, project):
    base = _based(project)
    ledger = project / "seeds/claims/fixture-daily-2025-12.yaml"
    line = _line_of(ledger, "  - id: fd-008")
    ledger.write_text(ledger.read_text().replace("  - id: fd-008\n", "  - id: fd-108\n"))
    result, report = validate(runner, project, "--changed-since", base)
    [cause] = [i for i in report["issues"] if i["type"] == "breaks-elsewhere"]
    assert (cause["file"], cause["line"]) == ("seeds/claims/fixture-daily-2025-12.yaml", line)
    assert "removes or renames claim fd-008" in cause["message"] and "seeds/decisions.yaml:" in cause["message"]


def test_changed_since_a_ref_the_checkout_lacks_is_a_usage_error(runner, project):
    _git(project, "init", "-q")
    result = runner.invoke(main, ["validate", "--project", str(project), "--changed-since", "no-such-branch"])
    assert result.exit_code == 2 and "cannot tell which files changed" in result.stderr


def test_changed_since_never_passes_an_option_to_git(runner, project, tmp_path):
    """`--changed-since=--output=FILE` once reached `git diff` as an option: git wrote FILE, the changed set
    came back empty and the run said valid. A REF that starts with '-' is refused, and the rest is
    resolved to a commit before git diff sees it."""
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    target = tmp_path / "written-by-git"
    for ref in (f"--output={target}", "-p", "--end-of-options"):
        result = runner.invoke(main, ["validate", "--project", str(project), f"--changed-since={ref}"])
        assert result.exit_code == 2 and "not an option" in result.stderr, (ref, result.output)
    assert not target.exists()
    result = runner.invoke(main, ["validate", "--project", str(project), "--changed-since", "HEAD"])
    assert result.exit_code == 0, result.output


def test_problems_of_the_parquet_descriptor_name_that_descriptor(runner, package):
    """Validating datapackage-parquet.json: what is wrong with it is said of it, not of datapackage.json."""
    twin = package / "datapackage-parquet.json"
    meta = json.loads(twin.read_text())
    meta["resources"][0]["path"] = "../outside.parquet"
    twin.write_text(json.dumps(meta, indent=2))
    result, report = validate(runner, twin)
    assert result.exit_code == 1
    issue = find(report, "unsafe-path")
    assert issue["file"] == "datapackage-parquet.json"
    spec = [i for i in report["issues"] if i["type"].startswith("spec-")]
    assert spec and all(i["file"] == "datapackage-parquet.json" and "datapackage.json" not in i["message"]
                        for i in spec)


# --- one vocabulary per enumerated field ----------------------------------------------------------------

def test_a_value_set_that_drifts_from_its_schemas_enum_is_a_located_error(runner, project):
    """The suite once listed fewer conflict kinds than the schema allows, so a valid package failed its
    own expectations; now the two cannot drift apart."""
    suite = project / "schemas/expectations.json"
    text = suite.read_text()
    start = text.index('"column": "kind"')
    drifted = text[:start] + text[start:].replace('"person_exception",\n', "", 1)
    suite.write_text(drifted)
    line = drifted[:drifted.index('"value_set"', start)].count("\n") + 1
    result, report = validate(runner, project)
    assert result.exit_code == 1
    issue = find(report, "vocabulary-mismatch")
    assert (issue["file"], issue["line"], issue["field"]) == ("schemas/expectations.json", line, "kind")
    assert "it lacks person_exception" in issue["message"]


def test_every_conflict_kind_a_rule_can_make_is_in_the_schemas_enum():
    """Read off the code: each `kind` a conflict is made with (a keyword, or the argument of a helper's
    `kind` parameter) is one the conflicts table allows."""
    import ast

    from .conftest import ROOT

    enum = set(next(f for f in json.loads((ROOT / "schemas/conflicts.schema.json").read_text())["fields"]
                    if f["name"] == "kind")["constraints"]["enum"])
    made = set()
    for path in sorted((ROOT / "toolkit" / "reconcile").rglob("*.py")):
        tree = ast.parse(path.read_text())
        helpers = {f.name: [a.arg for a in f.args.args].index("kind") for f in ast.walk(tree)
                   if isinstance(f, ast.FunctionDef) and "kind" in [a.arg for a in f.args.args]}
        def kinds(node):  # a literal, or either branch of `"date" if ... else "value"`
            if isinstance(node, ast.IfExp):
                return kinds(node.body) | kinds(node.orelse)
            return {node.value} if isinstance(node, ast.Constant) and isinstance(node.value, str) else set()

        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            for keyword in call.keywords:
                if keyword.arg == "kind":
                    made |= kinds(keyword.value)
            name = getattr(call.func, "id", None)
            if name in helpers and len(call.args) > helpers[name]:
                made |= kinds(call.args[helpers[name]])
    assert {"value", "date", "name", "sum_rule", "subgroup", "arithmetic"} <= made  # the scan finds them
    assert made <= enum, made - enum
