"""Where the data's users are: the Parquet descriptor (frictionless), SQLite (sqlite3, datasette), a
Data Package v1 view for R's frictionless, offline Data Docs, and the canonical index."""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

DATABASE = "belarus-prisoner-releases-2025.sqlite"


def descriptor(package: Path, name: str = "datapackage.json") -> dict:
    return json.loads((package / name).read_text())


@pytest.mark.slow
def test_frictionless_validates_the_parquet_descriptor_with_the_plugin_of_the_environment(built_package):
    """The environment `make build` creates (an editable install) loads the plugin in a fresh `frictionless`
    process of its own, with nothing on PYTHONPATH: lists are read as lists and bytes are counted."""
    exe = Path(sys.executable).parent / "frictionless"
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(exe), "validate", "--json", "datapackage-parquet.json"], cwd=built_package,
                          capture_output=True, text=True, timeout=300, env=environment)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["valid"], [e["message"] for t in report["tasks"] for e in t["errors"]][:5]
    assert len(report["tasks"]) == len(descriptor(built_package, "datapackage-parquet.json")["resources"])


PLAIN_FRICTIONLESS = """
import json, os, sys
# no plugin: frictionless alone (off the path goes every folder that holds it, whichever checkout that is)
sys.path[:] = [p for p in sys.path if not os.path.isfile(os.path.join(p or ".", "frictionless_typedparquet.py"))]
from frictionless import validate
report = validate(sys.argv[1])
assert "frictionless_typedparquet" not in sys.modules
print(json.dumps([{"resource": t.name, "type": e.type, "field": getattr(e, "field_name", None),
                   "row": getattr(e, "row_number", None)} for t in report.tasks for e in t.errors]))
"""


@pytest.mark.slow
def test_plain_frictionless_finds_nothing_wrong_but_what_its_pandas_reading_cannot_follow(built_package):
    """Without the plugin, frictionless-py 5 reads Parquet through pandas: a missing number arrives as NaN,
    a list as a numpy array, and no byte is counted. Every error it reports must be one of those; any
    other (a wrong type, a broken key, a bad row) would be a real fault of the package."""
    import pyarrow.parquet as pq

    done = subprocess.run([sys.executable, "-c", PLAIN_FRICTIONLESS, "datapackage-parquet.json"],
                          cwd=built_package, capture_output=True, text=True, timeout=300,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 0, done.stderr[-2000:]
    errors = json.loads(done.stdout)
    assert errors, "plain frictionless found nothing: if it now reads Parquet fully, this test can be tightened"
    paths = {r["name"]: r["path"] for r in descriptor(built_package, "datapackage-parquet.json")["resources"]}
    tables = {name: pq.read_table(built_package / path).to_pylist() for name, path in paths.items()}
    for error in errors:
        if error["type"] in ("byte-count", "hash-count"):
            continue
        assert error["type"] in ("type-error", "constraint-error"), error
        cell = tables[error["resource"]][error["row"] - 2][error["field"]]  # row 1 is the header
        assert cell is None or isinstance(cell, list), (error, cell)


def test_the_parquet_descriptor_validates_on_its_own_and_names_every_parquet_file(runner, built_package):
    from toolkit.cli import main

    result = runner.invoke(main, ["validate", str(built_package / "datapackage-parquet.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    twins = {r["path"] for r in descriptor(built_package, "datapackage-parquet.json")["resources"]}
    companions = {c["path"] for c in descriptor(built_package)["companions"]}
    assert twins <= companions


def test_sqlite_tables_hold_the_csv_rows_with_declared_keys(built_package):
    connection = sqlite3.connect(built_package / DATABASE)
    try:
        for resource in descriptor(built_package)["resources"]:
            with (built_package / resource["path"]).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            columns = connection.execute(f'PRAGMA table_info("{resource["name"]}")').fetchall()
            assert [c[1] for c in columns] == [f["name"] for f in resource["schema"]["fields"]]
            assert connection.execute(f'SELECT count(*) FROM "{resource["name"]}"').fetchone()[0] == len(rows)
            declared = {(tuple(fk["fields"]), fk["reference"]["resource"] or resource["name"])
                        for fk in resource["schema"].get("foreignKeys", [])}
            found: dict[int, list] = {}
            for row in connection.execute(f'PRAGMA foreign_key_list("{resource["name"]}")'):
                found.setdefault(row[0], []).append((row[3], row[2]))
            assert {(tuple(f for f, _ in fk), fk[0][1]) for fk in found.values()} == declared
            key = [c[1] for c in sorted((c for c in columns if c[5]), key=lambda c: c[5])]
            assert key == resource["schema"]["primaryKey"]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        quotes = connection.execute("SELECT quote FROM release_evidence WHERE field = 'released_count'").fetchall()
        claims = {r["quote"] for r in csv.DictReader((built_package / "data/claims.csv").open(encoding="utf-8"))}
        assert quotes and {q for (q,) in quotes} <= claims
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_datasette_serves_a_table_and_a_view_from_the_database(built_package, tmp_path):
    port = _free_port()
    exe = Path(sys.executable).parent / "datasette"
    server = subprocess.Popen([str(exe), "serve", str(built_package / DATABASE), "-m",
                               str(built_package / "datasette-metadata.json"), "--host", "127.0.0.1", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/{DATABASE.removesuffix('.sqlite')}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        releases = json.loads(urllib.request.urlopen(f"{base}/releases.json?_shape=array", timeout=10).read())
        assert {r["release_id"] for r in releases} == {
            r["release_id"] for r in csv.DictReader((built_package / "data/releases.csv").open(encoding="utf-8"))}
        evidence = json.loads(urllib.request.urlopen(f"{base}/conflict_evidence.json?_shape=array", timeout=10).read())
        assert evidence and all(row["quote"] and row["outlet"] for row in evidence)
        # each claim shows its outlet, and the article is one click away where its URL is known
        page = urllib.request.urlopen(f"{base}/conflict_evidence", timeout=10).read().decode()
        url = next(row["article_url"] for row in evidence if row["article_url"])
        assert f'href="{url}"' in page
        claims = urllib.request.urlopen(f"{base}/claims", timeout=10).read().decode()
        outlet = next(row["outlet"] for row in csv.DictReader((built_package / "data/sources.csv").open()))
        assert outlet in claims  # the source column is labelled by outlet
        metadata = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=10).read())
        assert metadata["license"] == "CC-BY-4.0"
    finally:
        server.terminate()
        server.wait(timeout=30)


# R's frictionless 1.2 is not in Debian's archive and CRAN is out of reach here, so the rules its
# read_package()/read_resource() apply (frictionless-r v1.2.0, R/read_package.R, get_schema.R,
# check_schema.R, check_path.R) are applied to the descriptor it would read.
R_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year",
           "yearmonth", "duration", "geopoint", "geojson", "any"}


def test_r_frictionless_can_read_every_resource_of_the_v1_descriptor(built_package):
    v1 = descriptor(built_package, "datapackage-v1.json")
    assert v1["resources"], "read_package() needs at least one resource"
    for resource in v1["resources"]:
        assert resource["name"] and resource["profile"] == "tabular-data-resource"
        assert not resource["path"].startswith(("/", "../")) and (built_package / resource["path"]).is_file()
        fields = resource["schema"]["fields"]
        assert all(f.get("name") for f in fields)
        assert {f["type"] for f in fields} <= R_TYPES, resource["name"]
        with (built_package / resource["path"]).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == [f["name"] for f in fields]
    v2 = descriptor(built_package)
    assert all(r["profile"] == "tabular-data-resource" for r in v2["resources"])


@pytest.mark.slow
def test_data_docs_open_offline(runner, built_package, tmp_path):
    """`validate --report html` writes Data Docs for a valid package: an index naming every resource, a
    page of expectations for each, and nothing fetched from the network."""
    from toolkit.cli import main

    result = runner.invoke(main, ["validate", str(built_package), "--report", "html", str(tmp_path / "docs"),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["valid"] is True
    pages = list((tmp_path / "docs").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']https?://""", html), page
    index = (tmp_path / "docs/index.html").read_text(encoding="utf-8")
    for resource in descriptor(built_package)["resources"]:
        assert f"expectations/{resource['name']}.html" in index
        assert (tmp_path / "docs/expectations" / f"{resource['name']}.html").is_file()


def test_the_canonical_index_is_the_one_the_metadata_names():
    from toolkit.publish.download import CANONICAL_INDEX

    assert yaml.safe_load((ROOT / "schemas/package.yaml").read_text())["index_url"] == CANONICAL_INDEX


@pytest.mark.parametrize("name", ["README.md", "data-dictionary.md"])
def test_every_package_carries_its_readme_and_dictionary(built_package, name):
    companions = {c["path"] for c in descriptor(built_package)["companions"]}
    assert name in companions and (built_package / name).read_text().startswith("# ")


def test_the_workbook_holds_the_csv_rows_with_text_intact_and_dates_at_their_precision(built_package):
    """What a spreadsheet user opens: one sheet per table with the CSV's header and rows, names in
    Unicode, and a date the sources give only to the month shown as a month."""
    import datetime as dt

    import openpyxl

    meta = descriptor(built_package)
    [entry] = [c for c in meta["companions"] if c["path"].endswith(".xlsx")]
    assert entry["bytes"] == (built_package / entry["path"]).stat().st_size
    book = openpyxl.load_workbook(built_package / entry["path"], read_only=True)
    assert book.sheetnames[0] == "About"
    for resource in meta["resources"]:
        with (built_package / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        sheet = list(book[resource["name"]].values)
        titles = [f["title"] for f in resource["schema"]["fields"]]
        assert list(sheet[0]) == titles and len(sheet) == len(rows), resource["name"]
        texts = {cell for row in sheet[1:] for cell in row if isinstance(cell, str)}
        for row in rows[1:]:
            for name, cell in zip(rows[0], row):
                field = next(f for f in resource["schema"]["fields"] if f["name"] == name)
                if field["type"] == "string" and cell:
                    assert cell in texts, (resource["name"], name, cell)
    people = list(book["people"].values)
    aliases = people[0].index("Aliases")
    assert any("Łena Fikcjóna" in (row[aliases] or "") for row in people[1:])
    book.close()
    formats = openpyxl.load_workbook(built_package / entry["path"])["releases"]  # number formats need a full read
    header = [c.value for c in formats[1]]
    shown = {row[0].value: (row[header.index("Date")].value, row[header.index("Date")].number_format)
             for row in formats.iter_rows(min_row=2)}
    assert shown["release-fx-june"] == (dt.datetime(2025, 6, 1), "yyyy-mm")
    assert shown["release-fx-december"] == (dt.datetime(2025, 12, 13), "yyyy-mm-dd")


def test_every_sheet_of_the_workbook_reads_as_a_spreadsheet_user_needs(built_package):
    """Every sheet, About too: the header row frozen, a filter over every column and row, every column
    given a width, and every date column wide enough for the date it shows (no ###); headers in words."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    meta = descriptor(built_package)
    [entry] = [c for c in meta["companions"] if c["path"].endswith(".xlsx")]
    book = openpyxl.load_workbook(built_package / entry["path"])
    assert book.sheetnames == ["About", *(r["name"] for r in meta["resources"])]
    for sheet in book.worksheets:
        last = get_column_letter(sheet.max_column)
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
        widths = {n: d.width for d in sheet.column_dimensions.values() if d.customWidth
                  for n in range(d.min, d.max + 1)}  # a run of equal widths is one <col> element
        for column in range(1, sheet.max_column + 1):
            width = widths.get(column)
            assert width and width >= len(str(sheet.cell(1, column).value)), (sheet.title, column)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if cell.is_date:
                    shown = len(cell.value.strftime({"yyyy-mm-dd": "%Y-%m-%d", "yyyy-mm": "%Y-%m",
                                                      "yyyy": "%Y"}[cell.number_format]))
                    assert width >= shown + 1, (sheet.title, sheet.cell(1, column).value, width)
        assert all("_" not in str(c.value) for c in sheet[1]), sheet.title  # words, not snake_case


def test_the_about_sheet_gives_the_version_sources_with_links_how_to_read_and_open_disagreements(built_package):
    import openpyxl

    meta = descriptor(built_package)
    [entry] = [c for c in meta["companions"] if c["path"].endswith(".xlsx")]
    about = openpyxl.load_workbook(built_package / entry["path"])["About"]
    rows = [[c.value for c in row] for row in about.iter_rows()]
    by = {}
    for section, item, text, _ in rows[1:]:
        by.setdefault(section, {})[item] = text
    assert rows[0] == ["Section", "Item", "What it says", "Link"]
    assert by["About"]["Version"] == meta["version"]
    sources = {s["source_id"]: s for s in read_csv(built_package / "data/sources.csv")}
    listed = [row for row in about.iter_rows(min_row=2) if row[0].value == "Sources"]
    assert len(listed) == len(sources)
    for section, item, text, link in listed:
        source = sources[text.value.rsplit("(source ", 1)[1].rstrip(")")]
        assert item.value == source["outlet"]
        assert link.value == source["url"] and link.hyperlink.target == source["url"]
    assert {"agreed", "single_source", "conflict", "resolved_by_curator"} <= set(by["Statuses"])
    assert {"exact", "at_least", "more_than", "at_most", "fewer_than", "about"} <= set(by["Count qualifiers"])
    assert by["Count qualifiers"]["more_than"] == "more than this number"
    conflicts = read_csv(built_package / "data/conflicts.csv")
    open_ones = {c["conflict_id"]: c["description"] for c in conflicts if c["status"] == "open"}
    assert open_ones and by["Open disagreements"] == open_ones
    assert by["Columns"]["releases: Date"].startswith("CSV column date")


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_evidence_views_give_each_value_as_its_source_gave_it_with_who_said_it(built_package):
    """"More than 100" reads as more than 100, not 100; each row names its source and links its article."""
    meta = descriptor(built_package)
    database = next(c["path"] for c in meta["companions"] if c["path"].endswith(".sqlite"))
    claims = {c["claim_id"]: c for c in read_csv(built_package / "data/claims.csv")}
    sources = {s["source_id"]: s for s in read_csv(built_package / "data/sources.csv")}
    connection = sqlite3.connect(built_package / database)
    try:
        for view in ("release_evidence", "person_evidence", "sanction_evidence", "conflict_evidence"):
            cursor = connection.execute(f"SELECT claim_id, value_as_given, source_name, article_url FROM {view}")
            rows = cursor.fetchall()
            assert rows, view
            for claim_id, given, name, url in rows:
                claim, source = claims[claim_id], sources[claims[claim_id]["source_id"]]
                qualifier = claim["count_qualifier"] or claim["date_qualifier"] or "exact"
                words = {"more_than": "more than ", "at_least": "at least ", "by": "by ", "exact": ""}
                if qualifier in words:
                    assert given == words[qualifier] + claim["value"], (view, claim_id, given)
                assert name == (source["outlet"] or source["title"] or source["source_id"])
                assert url == (source["url"] or None)
        qualified = connection.execute("SELECT value_as_given FROM release_evidence WHERE value_as_given LIKE "
                                       "'more than %'").fetchall()
        assert qualified  # the fixture's "more than" figures back released counts
    finally:
        connection.close()


def test_a_disputed_count_carries_the_range_its_sources_give_in_the_tables_and_the_workbook(built_package):
    """Lowest figure any source allows and highest any states, with their sources, beside the status and the
    curator's choice; nothing where the sources agree or only one speaks."""
    import openpyxl

    claims = {c["claim_id"]: c for c in read_csv(built_package / "data/claims.csv")}
    releases = {r["release_id"]: r for r in read_csv(built_package / "data/releases.csv")}
    disputed = [r for r in releases.values() if r["released_count_status"] in ("conflict", "resolved_by_curator")]
    assert disputed and any(r["released_count_status"] in ("agreed", "single_source") for r in releases.values())
    for row in releases.values():
        behind = [claims[i] for i in row["released_count_claims"].split("|") if i]
        if row not in disputed:
            assert (row["released_count_low"], row["released_count_high"]) == ("", ""), row["release_id"]
            continue
        lows = [(c["source_id"], int(c["count_low"])) for c in behind]
        highs = [(c["source_id"], int(c["count_high"] or c["count_low"])) for c in behind]
        low, high = min(v for _, v in lows), max(v for _, v in highs)
        assert (int(row["released_count_low"]), int(row["released_count_high"])) == (low, high)
        assert row["released_count_low_sources"].split("|") == sorted({s for s, v in lows if v == low})
        assert row["released_count_high_sources"].split("|") == sorted({s for s, v in highs if v == high})
        assert row["released_count"] and low <= int(row["released_count"]) <= high  # the choice sits inside it
    meta = descriptor(built_package)
    book = openpyxl.load_workbook(built_package / next(c["path"] for c in meta["companions"]
                                                       if c["path"].endswith(".xlsx")), read_only=True)
    sheet = list(book["releases"].values)
    header = sheet[0]
    row = next(r for r in sheet[1:] if r[0] == disputed[0]["release_id"])
    assert row[header.index("Released count: lowest a source allows")] == int(disputed[0]["released_count_low"])
    assert row[header.index("Released count: highest a source states")] == int(disputed[0]["released_count_high"])
    book.close()
