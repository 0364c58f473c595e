"""What a hostile pull request puts in the inputs (issue 36): line breaks and control characters in
one-line fields, formulas behind leading spaces, links out of the project, links that run script.
Each is refused with an error naming file, line and field; whatever is printed for a workflow or a
job summary stays one line per line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from toolkit.cli import main

CLAIMS = "seeds/claims/fixture-herald-2025-12-14.yaml"


def validate(runner, project):
    result = runner.invoke(main, ["validate", str(project), "--format", "json"])
    assert "Traceback" not in result.output, result.output
    return result, json.loads(result.stdout)


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new`; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def only(report, type_):
    found = [i for i in report["issues"] if i["type"] == type_]
    assert found, [(i["type"], i["message"]) for i in report["issues"]]
    return found


# --- control characters and line breaks -------------------------------------------------------------

@pytest.mark.parametrize("path, old, new, field", [
    # the reproduction: the name still resolved (normalisation folds the punctuation) and validate said valid
    (CLAIMS, "    attributed_to: Vera Sampler\n", '    attributed_to: "Vera Sampler\\n::warning::forged"\n',
     "attributed_to"),
    (CLAIMS, "    quote: Belarus freed 40 prisoners on Saturday\n",
     '    quote: "Belarus freed 40 prisoners\\ron Saturday"\n', "quote"),
    ("seeds/registry.yaml", "    name: Vera Sampler\n", "    name: Vera\tSampler\n", "name"),  # a raw tab
    ("seeds/registry.yaml", "    aliases: [Sampler]\n", '    aliases: ["Sampler\\u2028x"]\n', "aliases"),
    ("seeds/manifest.yaml", "    title: Belarus frees 40 in a fixture deal\n",
     "    title: |-\n      Belarus frees 40\n      ::error::in a fixture deal\n", "title"),
    ("seeds/decisions.yaml", "    decided_by: test suite\n", '    decided_by: "test suite\\n::add-mask::x"\n',
     "decided_by"),
    ("schemas/package.yaml", "  - title: prisoner-data maintainers\n", '  - title: "prisoner-data\\tmaintainers"\n',
     "contributors[0].title"),
    ("schemas/properties.yaml", "    description: ", '    description: "a\\x9bbell" #', "description"),
])
def test_a_control_character_or_line_break_in_a_single_line_field_is_a_located_error(runner, project, path, old,
                                                                                      new, field):
    line = edit(project / path, old, new)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = only(report, "control-character")[0]
    assert (found["file"], found["line"], found["field"]) == (path, line, field), found


def test_a_free_text_field_may_break_lines_but_hold_no_other_control_character(runner, project):
    path = project / CLAIMS
    original = path.read_text()
    note = "    note: Saturday before the article's dateline of Sunday, December 14.\n"
    line = edit(path, note, "    note: |-\n      Saturday before the article's dateline\n      of Sunday, December 14.\n")
    result, report = validate(runner, project)
    assert not [i for i in report["issues"] if i["type"] == "control-character"], report
    path.write_text(original)
    edit(path, note, '    note: "Saturday before the dateline\\nof \\x9b Sunday, December 14."\n')
    result, report = validate(runner, project)
    found = only(report, "control-character")[0]
    assert (found["file"], found["line"], found["field"]) == (CLAIMS, line, "note") and result.exit_code == 1


# --- formulas, as stored ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, old, new, field", [
    # the value is stored stripped: the check saw the space, the package held the formula
    (CLAIMS, "    value: sanctions on Fixture Potash\n", '    value: " =HYPERLINK(\\"https://example.org\\")"\n',
     "value"),
    ("seeds/registry.yaml", "    name: Vera Sampler\n", '    name: "@SUM(1+1)"\n', "name"),
    ("seeds/registry.yaml", "    aliases: [Sampler]\n", '    aliases: [Sampler, "  =HYPERLINK(\\"x\\")"]\n', "aliases"),
    ("seeds/manifest.yaml", "    outlet: Fixture Herald\n", '    outlet: "\\u00a0+cmd|x"\n', "outlet"),
])
def test_a_formula_behind_leading_spaces_is_blamed_on_the_contributors_file_and_line(runner, project, path, old,
                                                                                     new, field):
    line = edit(project / path, old, new)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = only(report, "formula-injection")
    assert [(i["file"], i["line"], i["field"]) for i in found] == [(path, line, field)], found
    assert not [i for i in report["issues"] if (i.get("file") or "").startswith("data/")]


# --- inputs confined to the project -------------------------------------------------------------------------

@pytest.mark.parametrize("inside", ["seeds/manifest.yaml", "seeds/registry.yaml", "seeds/decisions.yaml", CLAIMS,
                                    "seeds/claims", "schemas/properties.yaml", "schemas/package.yaml"])
def test_an_input_that_links_out_of_the_project_is_refused(runner, project, tmp_path_factory, inside):
    outside = tmp_path_factory.mktemp("outside") / Path(inside).name
    os.replace(project / inside, outside)  # the same content, moved out: only where it is differs
    (project / inside).symlink_to(outside)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = only(report, "path-outside-project")
    assert [(i["file"], i["line"]) for i in found] == [(inside, 1)], found
    assert str(outside) in found[0]["message"]


def test_a_link_out_through_a_folder_on_the_way_is_refused_too(runner, project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "claims").mkdir()
    os.replace(project / CLAIMS, elsewhere / "claims" / Path(CLAIMS).name)
    (project / "seeds/claims/more").symlink_to(elsewhere / "claims")
    (project / CLAIMS).symlink_to(project / "seeds/claims/more" / Path(CLAIMS).name)  # inside, then out
    result, report = validate(runner, project)
    assert [(i["file"], i["line"]) for i in only(report, "path-outside-project")] == [(CLAIMS, 1)]


# --- links that run script --------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field", [
    ("    path: https://creativecommons.org/licenses/by/4.0/\n", "    path: javascript:alert(document.domain)\n",
     "licenses[0].path"),
    ("    roles: [creator]\n", "    roles: [creator]\n    path: 'data:text/html,<script>alert(1)</script>'\n",
     "contributors[0].path"),
    ("homepage: https://github.com/prisoner-data/belarus-2025\n", "homepage: JavaScript:alert(1)//https://x\n",
     "homepage"),
])
def test_a_link_field_takes_only_http_or_a_relative_path(runner, project, old, new, field):
    line = edit(project / "schemas/package.yaml", old, new)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = [i for i in only(report, "invalid-field") if i["field"] == field]
    assert found and found[0]["file"] == "schemas/package.yaml", report
    assert found[0]["line"] == line + (1 if field == "contributors[0].path" else 0)


def test_a_relative_licence_path_is_kept(runner, project):
    edit(project / "schemas/package.yaml", "    path: https://creativecommons.org/licenses/by/4.0/\n",
         "    path: LICENSE-DATA.md\n")
    result, report = validate(runner, project)
    assert result.exit_code == 0, report


def test_every_writer_puts_out_only_links_a_reader_may_follow():
    """The descriptor, README and datasette metadata, given metadata that slipped past the input check."""
    from toolkit.publish.documents import package_readme
    from toolkit.publish.sqlite import datasette_metadata

    descriptor = {"title": "t", "description": "d", "version": "1", "resources": [],
                  "homepage": "javascript:alert(1)", "licenses": [{"name": "x", "path": "javascript:alert(1)"}]}
    metadata = datasette_metadata(descriptor, "db", {})
    assert metadata["license_url"] is None and metadata["source_url"] is None
    assert "javascript" not in package_readme(descriptor, {}, {}, "db.sqlite")
    good = {**descriptor, "homepage": "https://example.org/", "licenses": [{"name": "x", "path": "LICENSE.md"}]}
    assert datasette_metadata(good, "db", {})["license_url"] == "LICENSE.md"


# --- what reaches a workflow's output or a job summary ---------------------------------------------------

def test_no_text_of_an_issue_starts_a_line_of_a_workflow_command_or_splits_a_summary_row(monkeypatch, tmp_path,
                                                                                         capsys):
    from toolkit.cli.render import markdown_report, render_github, render_report
    from toolkit.report import Report

    report = Report()
    hostile = "x\n::add-mask::secret\r::stop-commands::t\u2028::error::y"
    report.add("unknown-field", f"unknown field '{hostile}'", file=f"seeds/{hostile}.yaml", line=3, field=hostile,
               value=hostile, hint=hostile)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    render_github(report)
    render_report(report, "text", err=False)
    out = capsys.readouterr().out
    workflow_lines = [line for line in out.splitlines() if line.startswith("::")]
    assert len(workflow_lines) == 1 and workflow_lines[0].startswith("::error file=seeds/x\\n"), out
    assert not any(line.lstrip().startswith("::") for line in out.splitlines()[1:]), out
    rows = [line for line in markdown_report(report).splitlines() if line.startswith("| error")]
    assert len(rows) == 1 and rows[0].count(" | ") == 5, rows


def test_conflicts_as_markdown_keep_one_row_per_conflict(runner, monkeypatch):
    from toolkit.cli import conflicts

    hostile = {"conflict_id": "c1", "status": "open", "severity": "error", "kind": "value",
               "values": ["40", "46\n::warning::forged"], "source_ids": ["a|b"],
               "description": "one\n::add-mask::x <img src=x onerror=alert(1)>"}
    monkeypatch.setattr(conflicts, "list_conflicts", lambda source: [hostile])
    result = runner.invoke(main, ["conflicts", "--format", "markdown"])
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and not any(line.startswith("::") for line in lines), result.stdout
    assert "a\\|b" in lines[2] and "<img" not in lines[2] and lines[2].count(" | ") == 6
