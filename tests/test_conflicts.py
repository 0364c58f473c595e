"""`prisoner-data conflicts` and the conflicts the real sources produce."""

from __future__ import annotations

import csv
import io
import json

from toolkit.cli import main

from .conftest import ROOT, tree_digest


def conflicts_json(runner, *args):
    result = runner.invoke(main, ["conflicts", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_id(rows):
    return {r["conflict_id"]: r for r in rows}


def test_every_known_disagreement_of_the_five_articles_is_recorded(runner):
    rows = by_id(conflicts_json(runner, str(ROOT)))
    # 156 (Coale on X) against 123 everywhere else
    total = rows["release-2025-12-13.released_count.value"]
    assert {"123", "156"} <= set(total["values"]) and total["status"] == "resolved_by_curator"
    # 8 sent to Vilnius against 9 sent to Lithuania, compared at country level
    lithuania = rows["release-2025-12-13.destination_count.value.lithuania"]
    assert set(lithuania["values"]) == {"8", "9"}
    # a source contradicting itself through arithmetic: 114 + 8 is not 123
    own_sum = rows["release-2025-12-13.destination_count.sum_rule"]
    assert own_sum["source_ids"] == ["kyivindependent-2025-12"] and own_sum["status"] == "open"
    # Belavia relief dated September in one source and November in another
    assert set(rows["us-sanctions-belavia.lifted_on.date"]["values"]) == {"2025-09", "2025-11"}
    # more than 1,200 remaining cannot follow from 1,227 before a release that freed at least 109
    assert rows["belarus.political_prisoner_count.arithmetic"]["status"] == "open"
    # the envoy's surname misspelt in one source
    assert rows["john-coale.name.name"]["source_ids"] == ["kyivindependent-2025-12"]


def test_what_agrees_is_not_an_open_conflict(runner):
    rows = conflicts_json(runner, str(ROOT))
    opened = {r["conflict_id"] for r in rows if r["status"] == "open"}
    assert opened == {
        "belarus.political_prisoner_count.arithmetic",
        "release-2025-12-13.destination_count.sum_rule",
        "us-sanctions-belavia.lifted_on.date",
    }
    explained = {r["conflict_id"] for r in rows if r["status"] == "explained"}
    assert "release-2025-12-13.destination_count.subgroup.ukraine.political-prisoners" in explained
    assert "ales-bialiatski.sent_to.place_hierarchy" in explained


def test_package_and_project_give_the_same_conflicts(runner, built_package):
    assert conflicts_json(runner, str(built_package)) == conflicts_json(runner, str(ROOT))


def test_fail_on_error_exits_1_while_open_errors_remain(runner):
    result = runner.invoke(main, ["conflicts", str(ROOT), "--fail-on", "error", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)  # stdout stays clean JSON
    assert "3 open conflict(s) of severity error or worse" in result.stderr


def test_fail_on_passes_when_only_explained_or_resolved_remain(runner, project):
    decisions = project / "seeds/decisions.yaml"
    decisions.write_text(decisions.read_text() + """
  - subject: release-2025-12-13
    property: destination_count
    value: "122 vs 123"
    rationale: the kyivindependent figures were given hours apart and are recorded as they stand
    decided_by: tests
  - subject: us-sanctions-belavia
    property: lifted_on
    value: "2025-09"
    rationale: relief announced in September and completed later; the earlier date is the announcement
    decided_by: tests
  - subject: belarus
    property: political_prisoner_count
    value: "open question"
    rationale: the committee chairman's round figure is recorded as said
    decided_by: tests
""")
    result = runner.invoke(main, ["conflicts", str(project), "--fail-on", "warning"])
    assert result.exit_code == 0, result.output


def test_formats(runner):
    table = runner.invoke(main, ["conflicts", str(ROOT), "--status", "open"])
    assert table.exit_code == 0 and "3 conflict(s): 3 open" in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["conflicts", str(ROOT), "--format", "csv"]).stdout)))
    assert rows and rows[0]["conflict_id"]
    markdown = runner.invoke(main, ["conflicts", str(ROOT), "--format", "markdown"]).stdout
    assert markdown.startswith("| conflict | status |")


def test_stale_decision_fails_the_build_with_its_line(runner, project):
    decisions = project / "seeds/decisions.yaml"
    text = decisions.read_text()
    line = text.count("\n") + 2
    decisions.write_text(text + "\n  - subject: release-2025-09\n    property: released_count\n    value: 52\n"
                         "    rationale: there is no conflict here any more\n    decided_by: tests\n")
    before = tree_digest(project / "datapackage")
    result = runner.invoke(main, ["build", "--project", str(project), "-q"])
    assert result.exit_code == 1
    assert f"seeds/decisions.yaml:{line}: error: decision for release-2025-09 released_count matches no open conflict" \
        in result.stderr
    assert tree_digest(project / "datapackage") == before
