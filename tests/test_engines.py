"""Every engine reports the same issues, with the same lines, for the same bad input.

One corpus of bad cells, keys and rules, and one of files that cannot be read (a ragged row, bytes
that are not UTF-8, a wrong header, a cell that spans lines before a bad cell), run through the
pyarrow, DuckDB and Spark engines. Spark needs `prisoner-data[spark]` and Java 17: `.ci/run`
installs them; elsewhere its tests are skipped, saying so.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from toolkit.validate.engines import arrow, keystore
from toolkit.validate.package import validate_package

from .conftest import ROOT, once_per_run

pytestmark = pytest.mark.slow  # million-row packages and three engines: left out of `make test-fast`

ENGINES = ["pyarrow", "duckdb", "spark"]
FILE_ISSUES = {"bytes-mismatch", "hash-mismatch", "parquet-csv-mismatch"}  # the same whatever the engine


def _available(engine: str):
    if engine == "duckdb" and importlib.util.find_spec("ibis") is None:
        pytest.skip("the duckdb engine needs prisoner-data[duckdb] (ibis), which is not installed here")
    if engine == "spark":
        missing = [what for what, ok in (("prisoner-data[spark]", importlib.util.find_spec("pyspark") is not None
                                          and importlib.util.find_spec("ibis") is not None),
                                         ("Java 17", shutil.which("java") is not None)) if not ok]
        if missing:
            if os.environ.get("PRISONER_DATA_REQUIRE_SPARK"):
                pytest.fail(f"the spark engine is required here (PRISONER_DATA_REQUIRE_SPARK) but {missing} missing")
            pytest.skip(f"the spark engine needs {' and '.join(missing)}, which .ci/run installs; not here")


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _line(path: Path, row: int) -> int:
    """The physical line of a data row (0-based), counting cells that span lines."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        start = reader.line_num + 1
        for index, _ in enumerate(reader):
            if index == row:
                return start
            start = reader.line_num + 1
    raise IndexError(row)


class Corpus:
    """Edits to a copy of the built package, each with the issue it must raise."""

    def __init__(self, package: Path):
        self.package, self.expected = package, []

    def cell(self, resource: str, find, column: str, value: str, expect: str, field: str | None = "") -> None:
        path = self.package / "data" / f"{resource}.csv"
        header, rows = _rows(path)
        index = next(i for i, row in enumerate(rows) if find(dict(zip(header, row))))
        rows[index][header.index(column)] = value
        _write(path, header, rows)
        self.expected.append((expect, f"data/{resource}.csv", _line(path, index),
                              column if field == "" else field))

    def duplicate(self, resource: str) -> None:
        path = self.package / "data" / f"{resource}.csv"
        header, rows = _rows(path)
        _write(path, header, rows + [rows[0]])
        self.expected += [("duplicate-key", f"data/{resource}.csv", _line(path, 0), None),
                          ("duplicate-key", f"data/{resource}.csv", _line(path, len(rows)), None)]


def _issues(package: Path, engine: str) -> set[tuple]:
    report = validate_package(package / "datapackage.json", engine=engine)
    return {(i.type, i.file, i.line, i.field, i.value, i.message) for i in report.issues if i.type not in FILE_ISSUES}


def _cells_corpus(package: Path) -> Corpus:
    corpus = Corpus(package)
    corpus.cell("sources", lambda r: True, "bytes", "six thousand", "type-error")
    corpus.cell("release_destinations", lambda r: r["count_qualifier"] == "exact", "count_qualifier", "exactly",
                "enum-violation")
    corpus.cell("release_destinations", lambda r: r["count_status"] == "agreed", "release_id", "release-9999",
                "dangling-reference")
    corpus.duplicate("release_groups")
    corpus.cell("people", lambda r: r["name"].startswith("Tomas"), "name", "=HYPERLINK(\"x\")", "formula-injection")
    corpus.cell("people", lambda r: r["name"].startswith("Lena"), "name", "Lena\x00Fictiona", "control-character")
    corpus.cell("people", lambda r: r["age"] != "", "age", "130", "out-of-range")
    corpus.cell("entities", lambda r: r["kind"] == "place", "name", "", "required-missing")
    corpus.cell("claims", lambda r: r["value_type"] == "count" and r["count_qualifier"] == "exact", "count_low",
                "9999999", "claim-count-bounds", field=None)
    corpus.cell("claims", lambda r: r["source_id"] == "fixture-herald-2025-12-14" and r["date_value"] != "", "date_value",
                "2025-12-20", "date-after-publication", field=None)
    corpus.cell("conflicts", lambda r: r["status"] == "resolved_by_curator", "resolution", "", "conflict-resolution",
                field=None)
    corpus.cell("sanctions", lambda r: r["imposed_on"] != "" and r["lifted_on"] != "", "lifted_on", "2020-01-01",
                "sanction-lifted-before-imposed", field=None)
    corpus.cell("releases", lambda r: True, "date_claims", "zz-999", "claim-ids-exist", field=None)
    return corpus


def _files_corpus(package: Path) -> Corpus:
    corpus = Corpus(package)
    groups = package / "data" / "release_groups.csv"
    lines = groups.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    groups.write_text("".join(lines), encoding="utf-8")
    corpus.expected.append(("malformed-csv", "data/release_groups.csv", 3, None))
    releases = package / "data" / "releases.csv"
    data = releases.read_bytes().split(b"\n")
    data[2] = data[2].replace(b"release", b"rel\xe9ase", 1)
    releases.write_bytes(b"\n".join(data))
    corpus.expected.append(("encoding-error", "data/releases.csv", 3, None))
    sanctions = package / "data" / "sanctions.csv"
    sanctions.write_text(sanctions.read_text(encoding="utf-8").replace("sanction_id,", "sanction,", 1), encoding="utf-8")
    corpus.expected.append(("header-mismatch", "data/sanctions.csv", 1, None))
    claims = package / "data" / "claims.csv"
    header, rows = _rows(claims)
    rows[3][header.index("note")] = "a note\nthat spans two lines"
    _write(claims, header, rows)
    corpus.cell("claims", lambda r: r["claim_id"] == rows[30][0], "quote_line", "x", "type-error")
    return corpus


def _empty_corpus(package: Path) -> Corpus:
    """A table left with its header only, while another table still refers to it. releases and
    sanctions refer to each other, so whichever is read first cannot check its references against
    keys already read."""
    corpus = Corpus(package)
    sanctions = package / "data" / "sanctions.csv"
    header, _ = _rows(sanctions)
    _write(sanctions, header, [])
    releases = package / "data" / "releases.csv"
    header, rows = _rows(releases)
    for index, row in enumerate(rows):
        if row[header.index("traded_for_id")]:
            corpus.expected.append(("dangling-reference", "data/releases.csv", _line(releases, index),
                                    "traded_for_id"))
    assert corpus.expected, "the package has no release traded for a sanction to leave dangling"
    return corpus


CORPORA = {"cells": _cells_corpus, "files": _files_corpus, "empty": _empty_corpus}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, built_package) -> dict[str, tuple[Path, list]]:
    """Each corpus in a copy of the built package (made once per run; the tests only read them)."""
    def make(folder: Path) -> dict[str, tuple[Path, list]]:
        found = {}
        for name, build in CORPORA.items():
            package = folder / name / "pkg"
            shutil.copytree(built_package, package)
            found[name] = (package, build(package).expected)
        return found

    return once_per_run(tmp_path_factory, "engine-corpora", make)


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpora) -> dict[str, set]:
    return once_per_run(tmp_path_factory, "engine-reference",
                        lambda folder: {name: _issues(package, "pyarrow") for name, (package, _) in corpora.items()})


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_the_default_engine_finds_every_planted_problem_at_its_line(corpora, reference, corpus):
    _, expected = corpora[corpus]
    found = {(t, f, line, field) for t, f, line, field, _, _ in reference[corpus]}
    located = {(t, f, line) for t, f, line, _ in found}
    for type_, file, line, field in expected:
        assert (type_, file, line) in located, (type_, file, line, sorted(found))


@pytest.mark.parametrize("engine", ["duckdb", "spark"])
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_engine_reports_the_same_issues(corpora, reference, engine, corpus):
    _available(engine)
    package, _ = corpora[corpus]
    found = _issues(package, engine)
    assert found == reference[corpus], {"only " + engine: sorted(found - reference[corpus]),
                                        "only pyarrow": sorted(reference[corpus] - found)}


class RecordingStore(arrow.KeyStore):
    """The default engine's key store, noting how many batches it held in memory each time it moved
    them into DuckDB (never: an empty list), and how many bytes it held when it checked the keys."""

    moved: ClassVar[list] = []
    held: ClassVar[int] = 0

    def _spill(self):
        RecordingStore.moved.append(len(self.kept))
        super()._spill()

    def check_keys(self, *args):
        RecordingStore.held = self.size
        super().check_keys(*args)


@pytest.mark.parametrize("parents", ["read first when they can be", "never in memory"])
@pytest.mark.parametrize("where", ["memory", "duckdb", "duckdb from the middle"])
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_the_key_store_finds_the_same_in_memory_and_in_duckdb(corpora, reference, corpus, where, parents,
                                                               monkeypatch):
    """Keys are checked in memory while they are few, and in DuckDB (spilling to disk) beyond that;
    either way, and whether references were checked batch by batch or left to the store, the
    issues are the default engine's."""
    package, _ = corpora[corpus]
    RecordingStore.moved = []
    monkeypatch.setattr(arrow, "KeyStore", RecordingStore)
    if parents == "never in memory":  # every reference and claim list goes to the key store
        monkeypatch.setattr(arrow, "SMALL_PARENT", -1)
    if where == "duckdb":
        monkeypatch.setattr(keystore, "MEMORY_KEYS", 0)
    if where == "duckdb from the middle":
        monkeypatch.setattr(arrow, "BLOCK_BYTES", 4096)  # claims.csv comes in many batches
        _issues(package, "pyarrow")
        monkeypatch.setattr(keystore, "MEMORY_KEYS", RecordingStore.held // 2)
        RecordingStore.moved = []
    found = _issues(package, "pyarrow")
    assert found == reference[corpus], {"only here": sorted(found - reference[corpus]),
                                        "only by default": sorted(reference[corpus] - found)}
    if where == "memory":
        assert RecordingStore.moved == []
    elif where == "duckdb":
        assert RecordingStore.moved == [1]  # the first batch held, then moved
    else:
        assert len(RecordingStore.moved) == 1 and RecordingStore.moved[0] > 1, RecordingStore.moved


def test_key_codes_are_equal_exactly_where_the_keys_are():
    """Six parts of 4,000 values each: the combined codes would overflow 64 bits, so they are
    renumbered on the way; rows copied from others, and empty cells, must still code alike."""
    import random

    import pyarrow as pa

    rng = random.Random(13)
    numbers, texts = [None, *range(4000)], [None, *map(str, range(4000))]  # built once, not per cell
    rows = [tuple(rng.choice(numbers) if part % 2 else rng.choice(texts) for part in range(6)) for _ in range(20_000)]
    rows += [rng.choice(rows) for _ in range(2_000)]
    table = pa.table({f"part{i}": [row[i] for row in rows] for i in range(6)})
    codes = keystore._codes(table, [f"part{i}" for i in range(6)]).tolist()
    assert len(set(zip(codes, rows))) == len(set(rows)) == len(set(codes)) < len(rows)


def test_key_codes_do_not_wrap_around():
    """Five parts of 2^16 values: 64 bits would hold four, and a fifth would push the first out, so
    two rows that differ in the first part alone would get one code."""
    import pyarrow as pa

    rows = [(str(i),) * 5 for i in range(1 << 16)] + [("1", "0", "0", "0", "0")]
    table = pa.table({f"part{i}": [row[i] for row in rows] for i in range(5)})
    codes = keystore._codes(table, [f"part{i}" for i in range(5)])
    assert len(set(codes.tolist())) == len(rows)


def test_a_small_package_is_validated_without_duckdb(built_package):
    """DuckDB (and its import) is for keys too many to hold in memory."""
    code = ("import sys\nfrom pathlib import Path\nfrom toolkit.validate.package import validate_package\n"
            f"report = validate_package(Path({str(built_package / 'datapackage.json')!r}))\n"
            "assert report.valid, [i.message for i in report.issues]\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'duckdb'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def _bad_cell_near_the_end(directory: Path, rows: int) -> tuple[Path, int]:
    """A package of `rows` rows (the benchmark's) with one bad cell near the end, and that cell's line."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_validate import generate

    descriptor = generate(directory, rows)
    path = directory / "data" / "release_destinations.csv"
    data = path.read_bytes()
    cut = len(data) - 1
    for _ in range(11):  # the start of the 10th line from the end
        cut = data.rindex(b"\n", 0, cut)
    start = cut + 1
    end = data.index(b"\n", start)
    row = data[start:end].split(b",")
    row[4] = b"4O2"  # a letter O among the digits of `count`
    path.write_bytes(data[:start] + b",".join(row) + data[end:])
    line = data[:start].count(b"\n") + 1
    meta = json.loads(descriptor.read_text())
    for resource in meta["resources"]:
        file = directory / resource["path"]
        resource["bytes"] = file.stat().st_size
        resource["hash"] = "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()
    descriptor.write_text(json.dumps(meta))
    return descriptor, line


@pytest.fixture(scope="module")
def million(tmp_path_factory) -> tuple[Path, int]:
    """A 1,000,000-row package with one bad cell near the end (generated once per run)."""
    return once_per_run(tmp_path_factory, "million", lambda folder: _bad_cell_near_the_end(folder, 1_000_000))


@pytest.mark.parametrize("engine", ["pyarrow", "duckdb"])
def test_a_bad_cell_near_the_end_of_a_million_rows_is_found_at_its_line(million, engine):
    """The streaming engines: a million rows come in many batches (pyarrow) or spill (duckdb), and the
    line of the one bad cell near the end is still its line in the file."""
    _available(engine)
    _found_at_its_line(*million, engine)


def test_a_bad_cell_near_the_end_is_found_at_its_line_by_spark(tmp_path):
    """Spark reads the CSV whole (multiLine keeps the file in one piece, so that rows are numbered in
    file order) and numbers its rows the same way at any size: 20,000 rows test what a million would,
    in a tenth of the time the JVM's Python round trips take for a million."""
    _available("spark")
    _found_at_its_line(*_bad_cell_near_the_end(tmp_path, 20_000), "spark")


def _found_at_its_line(descriptor: Path, line: int, engine: str) -> None:
    report = validate_package(descriptor, engine=engine)
    assert ("type-error", "data/release_destinations.csv", line, "count", "4O2") in \
        [(i.type, i.file, i.line, i.field, i.value) for i in report.issues]
    # the only other problem is the one it causes: a count left empty beside its status
    assert {(i.type, i.line) for i in report.issues} == {("type-error", line), ("resolved-field-consistent", line)}
