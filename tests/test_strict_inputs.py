"""Strict, bounded inputs: unknown and duplicate keys, alias bombs, deep nesting, oversized files,
impossible dates, cycles, every hash algorithm; hostile packages that validate must not follow
or expand; and a bug becomes exit code 4 with a request to report it, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli import main

from .conftest import PEAK_MEMORY_AT_EXIT, ROOT

pytestmark = pytest.mark.slow  # the toolkit's hardening, not a contribution's loop


def validate(runner, path, *args):
    result = runner.invoke(main, ["validate", str(path), "--format", "json", *args])
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout) if result.stdout.strip().startswith("{") else None


def issue(report, type_):
    found = [i for i in report["issues"] if i["type"] == type_]
    assert found, f"no {type_} in {[(i['type'], i['message']) for i in report['issues']]}"
    return found[0]


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def package(tmp_path, built_package) -> Path:
    shutil.copytree(built_package, tmp_path / "pkg")
    return tmp_path / "pkg"


def rehash(package: Path, name: str) -> None:
    """Keep both descriptors' bytes and sha256 true to a data file a test rewrote."""
    for descriptor in ("datapackage-parquet.json", "datapackage.json"):  # the second names the first
        meta = json.loads((package / descriptor).read_text())
        for entry in [*meta["resources"], *meta.get("companions", [])]:
            if entry.get("path") in (name, "datapackage-parquet.json"):
                data = (package / entry["path"]).read_bytes()
                entry["bytes"], entry["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
        (package / descriptor).write_text(json.dumps(meta, indent=2))


# --- seeds and schemas --------------------------------------------------------------------------

def test_an_unknown_key_names_its_line_and_the_nearest_known_key(runner, project):
    line = edit(project / "seeds/manifest.yaml", "    outlet_inferred: true\n", "    outlet_infered: true\n")
    _, report = validate(runner, project)
    found = issue(report, "unknown-field")
    assert (found["file"], found["line"]) == ("seeds/manifest.yaml", line)
    assert found["hint"] == "did you mean 'outlet_inferred'?"


@pytest.mark.parametrize("path, old, new, nearest", [
    ("seeds/registry.yaml", "    aliases: [Fictiona,", "    alias: [Fictiona,", "aliases"),
    ("schemas/properties.yaml", "    maximum: 120\n", "    maxmum: 120\n", "maximum"),
    ("schemas/package.yaml", "keywords:", "keyword:", "keywords"),
    ("schemas/releases.schema.json", '"primaryKey"', '"primarykey"', "primaryKey"),
    ("schemas/releases.schema.json", '"constraints": {\n        "required": true',
     '"constraints": {\n        "requird": true', "required"),
])
def test_unknown_keys_in_every_input_are_errors(runner, project, path, old, new, nearest):
    line = edit(project / path, old, new)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = issue(report, "unknown-field")
    assert found["file"] == path and found["line"] >= line
    assert found["hint"] == f"did you mean '{nearest}'?"


@pytest.mark.parametrize("fields", [
    '["traded_for_id", "traded_for_id"]',  # found by benchmarks/fuzz_inputs.py: SQLite refused the table
    '["traded_for_id", "envoy_id"]',
])
def test_a_foreign_key_with_more_fields_than_it_references_is_a_located_error(runner, project, fields):
    path = project / "schemas/releases.schema.json"
    line = edit(path, '"fields": [\n        "traded_for_id"\n      ]', f'"fields": {fields}')
    built = runner.invoke(main, ["build", "--project", str(project)])
    assert built.exit_code == 1 and "Traceback" not in built.output, built.output
    assert f"schemas/releases.schema.json:{line - 1}" in built.output  # the line of the foreign key
    result, report = validate(runner, project)
    assert result.exit_code == 1
    located = [i for i in report["issues"] if i["type"] == "invalid-schema" and i.get("line")]
    assert located and located[0]["file"] == "schemas/releases.schema.json" and located[0]["line"] == line - 1
    assert "foreign key" in located[0]["message"]


@pytest.mark.parametrize("resource,field,words", [
    ("sanctions", "name", "primary key"),  # a field, but not the key (found by benchmarks/fuzz_inputs.py)
    ("sanctions", "no_such_field", "primary key"),
    ("no_such_table", "sanction_id", "does not list"),
])
def test_a_foreign_key_must_reference_the_key_of_a_listed_resource(runner, project, resource, field, words):
    path = project / "schemas/releases.schema.json"
    line = edit(path, '"resource": "sanctions",\n        "fields": [\n          "sanction_id"',
                f'"resource": "{resource}",\n        "fields": [\n          "{field}"')
    built = runner.invoke(main, ["build", "--project", str(project)])
    assert built.exit_code == 1 and "Traceback" not in built.output, built.output
    assert "schemas/releases.schema.json:" in built.output and words in built.output
    result, report = validate(runner, project)
    assert result.exit_code == 1
    located = [i for i in report["issues"] if i["type"] == "invalid-schema" and i.get("line")]
    assert located and located[0]["line"] <= line


def test_a_duplicate_key_in_a_json_schema_names_its_line(runner, project):
    path = project / "schemas/sources.schema.json"
    line = edit(path, '"primaryKey"', '"description": "again",\n  "primaryKey"')
    _, report = validate(runner, project)
    found = issue(report, "duplicate-key")
    assert found["file"] == "schemas/sources.schema.json" and found["line"] == line
    assert found["field"] == "description"


def test_a_yaml_alias_bomb_is_refused_in_bounded_memory(project):
    """9.5 KB of anchors in a claim's note stands for billions of values; it is refused before expansion."""
    bomb = ["    note: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        bomb.append(f"    n{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    path = project / "seeds/claims/fixture-herald-2025-12-14.yaml"
    text = path.read_text()
    path.write_text(text.replace("    note: ", "\n".join(bomb) + "\n    notes: ", 1))
    code = (PEAK_MEMORY_AT_EXIT + "from toolkit.cli import main\n"
            f"main(['validate', {str(project)!r}, '--format', 'json'])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr[-2000:]
    report = json.loads(done.stdout)
    found = issue(report, "yaml-alias-expansion")
    assert found["file"] == "seeds/claims/fixture-herald-2025-12-14.yaml" and found["line"]
    assert int(done.stderr.split("maxrss")[-1]) < 300 * 1024


def test_deep_nesting_is_refused_before_the_parser_recurses(runner, project):
    path = project / "seeds/decisions.yaml"
    path.write_text(path.read_text() + "extra: " + "[" * 100_000 + "]" * 100_000 + "\n")
    _, report = validate(runner, project)
    found = issue(report, "yaml-too-deep")
    assert found["file"] == "seeds/decisions.yaml" and found["line"]


def test_an_input_over_the_cap_is_not_read(runner, project, monkeypatch):
    monkeypatch.setattr("toolkit.ingest.yamlio.MAX_INPUT_BYTES", 4096)
    monkeypatch.setattr("toolkit.ingest.jsonio.MAX_INPUT_BYTES", 4096)
    import toolkit.ingest.yamlio as yamlio

    monkeypatch.setattr(yamlio.read_text, "__defaults__", (4096,))
    monkeypatch.setattr(yamlio.read_bounded, "__defaults__", (4096,))
    _, report = validate(runner, project)
    found = issue(report, "file-too-large")
    assert "more than the 4,096 an input may have" in found["message"]


@pytest.mark.parametrize("published, message", [
    ('"2025-00"', "month must be in 1..12"),
    ('"9999-12-31"', "is in the future"),
    ('"2025-12-14"', "published_precision is 'month'"),
])
def test_impossible_or_future_publication_dates_are_errors(runner, project, published, message):
    line = edit(project / "seeds/manifest.yaml", 'published: "2025-12"\n', f"published: {published}\n")
    _, report = validate(runner, project)
    errors = [i for i in report["issues"] if i["file"] == "seeds/manifest.yaml" and i["severity"] == "error"]
    assert any(message in i["message"] for i in errors), errors
    assert errors[0]["line"] >= line - 10


@pytest.mark.parametrize("part_of", ["belarus", "minsk"])
def test_registry_cycles_are_errors_including_an_entity_part_of_itself(runner, project, part_of):
    path = project / "seeds/registry.yaml"
    edit(path, "  - {id: belarus, name: Belarus, kind: country, aliases: []}",
         f"  - {{id: belarus, name: Belarus, kind: country, part_of: {part_of}, aliases: []}}")
    _, report = validate(runner, project)
    found = issue(report, "cyclic-hierarchy")
    assert found["file"] == "seeds/registry.yaml"
    assert "belarus -> " in found["message"]


def test_a_destination_count_without_its_scope_is_a_located_error(runner, project):
    path = project / "seeds/claims/fixture-wire-2025-12-15.yaml"
    text = path.read_text()
    start = text.index("property: destination_count")
    scope = text.index("    scope: ", start)
    end = text.index("\n", scope) + 1
    path.write_text(text[:scope] + text[end:])
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = next(i for i in report["issues"] if i["field"] == "scope")
    assert found["file"] == "seeds/claims/fixture-wire-2025-12-15.yaml" and "needs a scope" in found["message"]


# --- packages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("algorithm", ["md5", "sha1", "sha512", ""])
def test_hashes_of_every_algorithm_are_checked(runner, package, algorithm):
    meta = json.loads((package / "datapackage.json").read_text())
    people = next(r for r in meta["resources"] if r["name"] == "people")
    digest = hashlib.new(algorithm or "md5", (package / people["path"]).read_bytes()).hexdigest()
    people["hash"] = f"{algorithm}:{digest}" if algorithm else digest
    (package / "datapackage.json").write_text(json.dumps(meta))
    result, _ = validate(runner, package)
    assert result.exit_code == 0
    people["hash"] = (f"{algorithm}:" if algorithm else "") + "0" * len(digest)
    (package / "datapackage.json").write_text(json.dumps(meta))
    result, report = validate(runner, package)
    assert result.exit_code == 1
    assert f"does not match its {algorithm or 'md5'}" in issue(report, "hash-mismatch")["message"]


def test_a_package_without_resources_is_invalid(runner, package):
    meta = json.loads((package / "datapackage.json").read_text())
    meta["resources"] = []
    (package / "datapackage.json").write_text(json.dumps(meta))
    result, report = validate(runner, package)
    assert result.exit_code == 1
    issue(report, "empty-package")
    assert issue(report, "missing-resource")["resource"] == "claims"  # the suite it ships promises claims


def test_a_missing_resource_its_suite_promises_is_invalid(runner, package):
    meta = json.loads((package / "datapackage.json").read_text())
    meta["resources"] = [r for r in meta["resources"] if r["name"] != "sanctions"]
    (package / "datapackage.json").write_text(json.dumps(meta))
    _, report = validate(runner, package)
    assert issue(report, "missing-resource")["resource"] == "sanctions"


@pytest.mark.parametrize("path", ["/etc/hostname", "../../../../etc/hostname"])
def test_the_expectations_step_never_reads_outside_the_package(runner, package, tmp_path, path):
    secret = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").is_file() else "unreadable"
    meta = json.loads((package / "datapackage.json").read_text())
    people = next(r for r in meta["resources"] if r["name"] == "people")
    people["path"] = path
    (package / "datapackage.json").write_text(json.dumps(meta))
    result = runner.invoke(main, ["validate", str(package), "--format", "json", "--report", "html",
                                  str(tmp_path / "docs")])
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert issue(report, "unsafe-path")["value"] == path
    assert issue(report, "expectation-resource-skipped")["resource"] == "people"
    docs = "".join(p.read_text(errors="replace") for p in (tmp_path / "docs").rglob("*.html"))
    assert secret not in result.output + docs or secret in ("", "localhost")
    index = (tmp_path / "docs" / "index.html").read_text()  # the report is written all the same
    assert "people</td><td><span class=failed>not validated" in index and "were not run" in index


def test_a_csv_of_300000_columns_is_refused_from_its_header(runner, package):
    path = package / "data/people.csv"
    path.write_text(",".join(f"c{i}" for i in range(300_000)) + "\n" + ",".join("x" * 300_000) + "\n")
    rehash(package, "data/people.csv")
    result, report = validate(runner, package)
    found = issue(report, "header-too-long")
    assert found["file"] == "data/people.csv" and found["line"] == 1


def test_a_header_of_the_wrong_width_stops_before_the_data(runner, package):
    path = package / "data/people.csv"
    path.write_text("a,b,c\n" + "1,2,3\n" * 1000)
    rehash(package, "data/people.csv")
    _, report = validate(runner, package)
    assert "the data was not read" in issue(report, "header-mismatch")["message"]


def test_a_parquet_bomb_is_refused_from_its_metadata(runner, package):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = package / "data/people.parquet"
    table = pq.read_table(path)
    big = "x" * (4 << 20)
    columns = [pa.array([big] * table.num_rows) if f.type == pa.string() else table.column(f.name)
               for f in table.schema]
    pq.write_table(pa.Table.from_arrays(columns, schema=table.schema), path, compression="zstd")
    assert path.stat().st_size < 100_000
    rehash(package, "data/people.parquet")
    _, report = validate(runner, package)
    assert "implausibly more than its CSV; not read" in issue(report, "parquet-too-large")["message"]


def test_a_nul_byte_in_a_cell_is_an_error(runner, package):
    path = package / "data/people.csv"
    path.write_text(path.read_text().replace("Tomas Invent", "Tomas\x00Invent", 1))
    rehash(package, "data/people.csv")
    _, report = validate(runner, package)
    found = issue(report, "control-character")
    assert found["file"] == "data/people.csv" and found["line"] and found["field"] == "name"


# --- the error edge ------------------------------------------------------------------------------

def test_a_bug_exits_4_with_a_request_to_report_it(runner, project, monkeypatch):
    import toolkit.pipeline

    monkeypatch.setattr(toolkit.pipeline, "build_tables", lambda *a, **k: {}["boom"])
    result = runner.invoke(main, ["build", "--project", str(project), "-q"])
    assert result.exit_code == 4
    assert "internal error (KeyError: 'boom'); this is a bug in prisoner-data, please report it" in result.stderr
    assert "Traceback" not in result.output
    debug = runner.invoke(main, ["--debug", "build", "--project", str(project), "-q"])
    assert debug.exit_code == 4 and "Traceback" in debug.stderr


def test_a_command_that_needs_an_extra_the_light_install_lacks_says_which(runner, built_package, tmp_path,
                                                                         monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "great_expectations", None)  # as if not installed
    result = runner.invoke(main, ["validate", str(built_package), "--report", "html", str(tmp_path / "docs")])
    assert result.exit_code == 3
    assert "install the 'build' extra: pip install 'prisoner-data[build]" in result.stderr
    assert "internal error" not in result.stderr


# --- numbers too long to read and control characters, in every input: located errors, never a crash ---------

HUGE = "9" * 5000  # more digits than Python converts (sys.get_int_max_str_digits: 4,300)


def test_a_number_too_long_to_read_in_a_descriptor_is_a_located_error(runner, package, tmp_path):
    descriptor = package / "datapackage.json"
    lines = descriptor.read_text().splitlines()
    number = next(n for n, line in enumerate(lines) if '"bytes": ' in line)
    lines[number] = re.sub(r'"bytes": \d+', f'"bytes": {HUGE}', lines[number])
    descriptor.write_text("\n".join(lines) + "\n")
    result, report = validate(runner, package)
    assert result.exit_code == 1
    found = issue(report, "invalid-json")
    assert (found["file"], found["line"]) == ("datapackage.json", number + 1)
    assert "5,000 digits" in found["message"] and "internal error" not in result.output
    download = runner.invoke(main, ["download", str(package), "--to", str(tmp_path / "got")])
    assert download.exit_code == 3 and f"datapackage.json:{number + 1}" in download.stderr, download.output
    assert "internal error" not in download.output and not (tmp_path / "got").exists()


@pytest.mark.parametrize("old, new, words", [
    ("    value: 12\n", f"    value: {HUGE}\n", "a number of 5,000 digits"),
    ("    value: journalist\n", '    value: "jour\\0nalist"\n', "control character (U+0000)"),  # an escape
    ("    value: journalist\n", "    value: jour\x00nalist\n", "U+0000"),  # the byte itself
    ("    value: journalist\n", '    value: "jour\\u001bnalist"\n', "control character (U+001B)"),
])
def test_a_number_too_long_or_a_control_character_in_a_claims_file_names_its_line(runner, project, old, new, words):
    name = "seeds/claims/fixture-wire-2025-12-15.yaml" if "12" in old else "seeds/claims/fixture-daily-2025-12.yaml"
    line = edit(project / name, old, new)
    result, report = validate(runner, project)
    assert result.exit_code == 1 and "internal error" not in result.output
    found = issue(report, "yaml-syntax")
    assert (found["file"], found["line"]) == (name, line) and words in found["message"], found


def test_half_a_utf16_pair_in_a_descriptor_is_a_located_error_not_a_crash(runner, package):
    """Found by benchmarks/fuzz_inputs.py --target values: "\\ud800" alone is valid JSON but no character,
    and writing it (pyarrow, CSV, HTML) raised UnicodeEncodeError."""
    descriptor = package / "datapackage.json"
    lines = descriptor.read_text().splitlines()
    number = next(n for n, line in enumerate(lines) if '"title": ' in line)
    lines[number] = re.sub(r'"title": "[^"]*"', '"title": "fine \\\\ud83d\\\\ude00 then \\\\ud800"', lines[number])
    descriptor.write_text("\n".join(lines) + "\n")
    result, report = validate(runner, package)
    found = issue(report, "invalid-json")
    assert result.exit_code == 1 and (found["file"], found["line"]) == ("datapackage.json", number + 1)
    assert "half of a UTF-16 pair" in found["message"]


def test_a_pattern_the_validator_cannot_run_is_a_located_schema_error(runner, project):
    """An unbalanced bracket in a field's pattern: refused with the schema's file and line
    (the check once compiled the pattern against an empty column, which pyarrow never compiles, so it passed any)."""
    path = project / "schemas/sources.schema.json"
    line = edit(path, '"pattern": "^[a-z0-9][a-z0-9-]*$"', '"pattern": "^[a-z0-9"')
    result, report = validate(runner, project)
    assert result.exit_code == 1
    located = [i for i in report["issues"] if i["type"] == "invalid-constraint" and "regular expression" in i["message"]]
    assert located and located[0]["file"] == "schemas/sources.schema.json" and located[0]["line"] == line, report["issues"]


def test_the_c_parser_reads_json_with_the_same_lines_as_the_line_tracking_one(built_package):
    """parse_json reads valid JSON with the standard library's C parser and a scan for lines; each object,
    its line, its keys' lines and its duplicate keys are what the pure-Python line decoder gives (which
    still reads whatever the C parser refuses, for its message and line)."""
    import random

    from toolkit.ingest.jsonio import _fast, _LineDecoder

    def shape(node):
        if isinstance(node, dict):
            return (node.line, node.key_lines, node.duplicate_keys, [(k, shape(v)) for k, v in node.items()])
        return [shape(v) for v in node] if isinstance(node, list) else node

    texts = [(built_package / "datapackage.json").read_text(encoding="utf-8"),
             '{"a": {"b": [{"c": "}{\\"x\\": "}]}, "d"\n:\n3, "a": {}}', '\n [ {}, {"": 1, " ": {"k\\"": 2}} ] ',
             '{"x": "\\ud83d\\ude00", "y": "a\\\\", "y": [1, {"z": null}]}']
    rng = random.Random(5)
    for _ in range(200):  # moved keys, values and braces: the valid ones among them
        chars = list(texts[1 + rng.randrange(3)])
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(['"k": 0, ', "\n", '{"q": 1}', "[]", "  "]))
        texts.append("".join(chars))
    read = 0
    for text in texts:
        try:
            expected = shape(_LineDecoder(text).decode(text))
        except ValueError:
            continue
        assert shape(_fast(text)) == expected, text[:300]
        read += 1
    assert read > 20  # and more than the three written out


def test_the_scan_for_lines_reads_each_character_once_whatever_follows_the_last_brace(monkeypatch):
    """The scan for lines reads token after token from where the last ended, and stops where none follows: a search
    from each later character (as finditer does) cost the square of what follows the last brace or key (a 40 KB array of
    numbers took seconds). Each read starts where the one before ended, and the lines are still the decoder's."""
    from toolkit.ingest import jsonio

    starts, token = [], jsonio._TOKEN

    class Recording:
        def match(self, string, pos=0, endpos=None):
            starts.append(pos)
            return token.match(string, pos) if endpos is None else token.match(string, pos, endpos)

    monkeypatch.setattr(jsonio, "_TOKEN", Recording())
    for text in ('[' + '0, ' * 5_000 + '0]', '{"a": 1}' + ' ' * 20_000, '[{"a": 1}, ' + '"xx", ' * 3_000 + '""]',
                 '{"a": {"b": 2}, "c": [' + '1.5, ' * 3_000 + '3]}'):
        starts.clear()
        document = jsonio.parse_json(text)
        assert len(starts) <= text.count("{") + text.count("}") + text.count(":") + 1, len(starts)
        assert starts == sorted(set(starts))  # never the same place twice, never back
        expected = jsonio._LineDecoder(text).decode(text)
        assert document == expected and getattr(document, "key_lines", None) == getattr(expected, "key_lines", None)
