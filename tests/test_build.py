"""`prisoner-data build`: a project builds, deterministically, and bad input is refused.

All on the suite's own project; tests/test_live.py holds the live dataset to its invariants."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli import main

from .conftest import FIXTURE_PROJECT, ROOT, assemble_project, tree_digest


def run_build(runner, project: Path, *args):
    return runner.invoke(main, ["build", "--project", str(project), "--quiet", *args])


def test_build_prints_rows_per_resource_and_conflicts(runner, project):
    result = run_build(runner, project)
    assert result.exit_code == 0, result.output
    descriptor = json.loads((project / "datapackage" / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        assert re.search(rf"^  {resource['name']}\s+\d+ rows$", result.stdout, re.M), resource["name"]
    assert re.search(r"^conflicts: \d+ \(", result.stdout, re.M)


def test_summary_counts_match_the_written_files(runner, project):
    result = run_build(runner, project, "--format", "json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    import pyarrow.csv as pv

    for name, count in summary["rows"].items():
        table = pv.read_csv(project / "datapackage" / "data" / f"{name}.csv")
        assert table.num_rows == count, name


def test_two_builds_are_byte_identical(tmp_path):
    from toolkit.pipeline import build_package
    from toolkit.project import open_project

    project = open_project(assemble_project(tmp_path / "project"))
    first, second = tmp_path / "one", tmp_path / "two"
    assert build_package(project, first).ok
    assert build_package(project, second).ok
    assert tree_digest(first) == tree_digest(second)


def test_created_comes_from_the_sources_not_the_clock(built_package):
    import yaml

    descriptor = json.loads((built_package / "datapackage.json").read_text())
    manifest = yaml.safe_load((FIXTURE_PROJECT / "seeds/manifest.yaml").read_text())
    newest = max((s["published"] for s in manifest["sources"]), key=lambda d: (d + "-01-01")[:10])
    assert descriptor["created"] == (newest + "-01-01")[:10] + "T00:00:00Z"  # the newest article's date


def test_descriptor_has_data_package_v2_metadata(built_package):
    descriptor = json.loads((built_package / "datapackage.json").read_text())
    for key in ("$schema", "name", "title", "version", "created", "licenses", "sources", "contributors"):
        assert descriptor.get(key), key
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    for resource in descriptor["resources"]:
        for key in ("path", "format", "mediatype", "encoding", "bytes", "hash", "schema"):
            assert key in resource, (resource["name"], key)
        assert resource["hash"].startswith("sha256:")
        assert resource["schema"]["primaryKey"]
        assert resource["profile"] == "tabular-data-resource"
    parquet = json.loads((built_package / "datapackage-parquet.json").read_text())
    assert [r["name"] for r in parquet["resources"]] == [r["name"] for r in descriptor["resources"]]
    for twin, resource in zip(parquet["resources"], descriptor["resources"]):
        assert (twin["format"], twin["mediatype"]) == ("parquet", "application/vnd.apache.parquet")
        assert twin["schema"] == resource["schema"]
        assert twin["hash"].startswith("sha256:")
        assert twin["bytes"] == (built_package / twin["path"]).stat().st_size
    keyed = [r for r in descriptor["resources"] if r["schema"].get("foreignKeys")]
    assert {r["name"] for r in keyed} >= {"claims", "releases", "people", "sanctions", "release_people"}


@pytest.mark.slow
def test_frictionless_cli_reports_the_package_valid(built_package):
    exe = Path(sys.executable).parent / "frictionless"
    done = subprocess.run([str(exe), "validate", "--json", "datapackage.json"], cwd=built_package,
                          capture_output=True, text=True, timeout=300)
    report = json.loads(done.stdout)
    assert done.returncode == 0, done.stdout[-2000:]
    assert report["valid"] is True
    assert len(report["tasks"]) == len(json.loads((built_package / "datapackage.json").read_text())["resources"])


# --- bad input: a clear error naming file and line, exit 1, datapackage/ untouched ---------------

CLAIMS = "seeds/claims/fixture-herald-2025-12-14.yaml"
"""The claims file of the suite's own project that most bad-input cases break."""


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _assert_refused(runner, project: Path, pattern: str):
    before = tree_digest(project / "datapackage")
    result = run_build(runner, project)
    assert result.exit_code == 1, result.output
    assert re.search(pattern, result.stderr), result.stderr
    assert "nothing was written" in result.stderr
    assert tree_digest(project / "datapackage") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".datapackage")]
    assert leftovers == []
    return result


def test_tampered_article_is_refused(runner, project):
    article = project / "seeds/articles/fixture-wire-2025-12-15.txt"
    article.write_bytes(article.read_bytes().replace(b"12 prisoners", b"13 prisoners"))
    result = _assert_refused(runner, project,
                             r"seeds/articles/fixture-wire-2025-12-15\.txt:1: error: article .* does not match the manifest")
    assert "article-hash-mismatch" in result.stderr
    assert re.search(r"manifest \(line \d+\)", result.stderr)


def test_quote_not_in_article_is_refused(runner, project):
    line = _edit(project / CLAIMS, "quote: More than 1,050 political prisoners remain behind bars",
                 "quote: More than 1,300 political prisoners remain behind bars")
    _assert_refused(runner, project, rf"{CLAIMS}:{line}: error: quote not found verbatim")


def test_unknown_entity_is_refused(runner, project):
    line = _edit(project / CLAIMS, "subject: lena-fictiona", "subject: lena-fictoina")
    result = _assert_refused(runner, project, rf"{CLAIMS}:{line}: error: subject 'lena-fictoina' is not a registry entity")
    assert "field: subject" in result.stderr


def test_unknown_property_is_refused(runner, project):
    line = _edit(project / CLAIMS, "property: imprisoned_since", "property: jailed_since")
    result = _assert_refused(runner, project, rf"{CLAIMS}:{line}: error: unknown property 'jailed_since'")
    assert "[unknown-property]" in result.stderr


def test_duplicate_claim_id_is_refused(runner, project):
    line = _edit(project / CLAIMS, "id: fh-012", "id: fh-002")
    _assert_refused(runner, project, rf"{CLAIMS}:{line}: error: claim id 'fh-002' is already used at {CLAIMS}:\d+")


def test_duplicate_claim_id_across_files_is_refused(runner, project):
    claims = "seeds/claims/fixture-wire-2025-12-15.yaml"
    line = _edit(project / claims, "id: fw-001", "id: fd-001")
    _assert_refused(runner, project, rf"{claims}:{line}: error: claim id 'fd-001' is already used at "
                                     r"seeds/claims/fixture-daily-2025-12\.yaml:\d+")


def test_malformed_yaml_is_refused(runner, project):
    claims = project / CLAIMS
    text = claims.read_text().splitlines(keepends=True)
    bad_line = 11
    assert text[bad_line - 1].startswith("    property: ")
    text[bad_line - 1] = "    property: [released_count\n"
    claims.write_text("".join(text))
    result = _assert_refused(runner, project, rf"{CLAIMS}:\d+: error: .* is not valid YAML")
    reported = int(re.search(rf"{CLAIMS}:(\d+)", result.stderr).group(1))
    assert bad_line <= reported <= bad_line + 2


def test_empty_article_is_refused(runner, project):
    (project / "seeds/articles/fixture-notes-2025-12-16.txt").write_bytes(b"")
    result = _assert_refused(runner, project, r"seeds/articles/fixture-notes-2025-12-16\.txt:1: error: article .* is empty")
    # its claims cannot be checked and are reported too, not silently dropped
    assert "unknown-source" in result.stderr


def test_every_problem_is_reported_in_one_run(runner, project):
    _edit(project / CLAIMS, "property: imprisoned_since", "property: jailed_since")
    _edit(project / CLAIMS, "subject: lena-fictiona", "subject: nobody")
    result = _assert_refused(runner, project, r"unknown-property")
    assert "unknown-entity" in result.stderr


def test_probable_spelling_variant_is_reported_not_merged(runner, project):
    line = _edit(project / CLAIMS, "attributed_to: Vera Sampler", "attributed_to: Vera Samplar")
    result = _assert_refused(runner, project, rf"{CLAIMS}:{line}: error: 'Vera Samplar' is "
                                              r"not in the registry but is close to 'Vera Sampler'")
    assert "it was not merged" in result.stderr


def test_missing_project_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["build", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a project: seeds/manifest.yaml is missing" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("module", ["-m"])
def test_python_dash_m_runs_the_cli(module):
    done = subprocess.run([sys.executable, module, "toolkit", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0
    assert "prisoner-data" in done.stdout or "Usage" in done.stdout


def test_build_leaves_no_staging_directory_behind(tmp_path):
    from toolkit.pipeline import build_package
    from toolkit.project import open_project

    project = open_project(assemble_project(tmp_path / "project"))
    out = tmp_path / "pkg"
    assert build_package(project, out).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg", "project"]
    shutil.rmtree(out)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, the device every write to fails with ENOSPC")
@pytest.mark.parametrize("suffix", [".sqlite", ".xlsx"])
def test_a_full_disk_inside_sqlite_or_the_workbook_is_the_clean_error_of_every_write(runner, project, monkeypatch,
                                                                                     suffix):
    """The database or the workbook of the staged package is /dev/full, where the kernel answers every write
    with ENOSPC: SQLite says SQLITE_FULL, xlsxwriter wraps the OSError; both were 'internal error' (exit 4)."""
    import yaml

    from toolkit import pipeline

    name = yaml.safe_load((project / "schemas" / "package.yaml").read_text())["name"]
    staged = pipeline.new_staging

    def staging_on_a_full_disk(parent, label):
        work = staged(parent, label)
        (work / "package").mkdir()
        (work / "package" / f"{name}{suffix}").symlink_to("/dev/full")
        return work

    monkeypatch.setattr(pipeline, "new_staging", staging_on_a_full_disk)
    before = tree_digest(project / "datapackage")
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines()[-1].startswith("error: [Errno 28] No space left on device: "), result.stderr
    assert result.stderr.splitlines()[-1].endswith(f"{name}{suffix}'"), result.stderr
    assert "internal error" not in result.output and "Exception ignored" not in result.output, result.output
    assert tree_digest(project / "datapackage") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []
