"""`prisoner-data conflicts`: the command on fixture projects, and invariants of the live dataset.

What a rule does is tested on fixture projects (tests/test_rule_fixtures.py). Here the live
dataset is held to what must stay true as articles are added: every open error has been seen by
a curator, every decision's claims exist, the package and the project agree, and the
disagreements the five seed articles are known for are still recorded."""

from __future__ import annotations

import csv
import io
import json

import pytest

from toolkit.cli import main

from .conftest import ROOT, tree_digest
from .test_rule_fixtures import RULES, assemble


def conflicts_json(runner, *args):
    result = runner.invoke(main, ["conflicts", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def firing(tmp_path):
    """A fixture project with one open error conflict (a nationality breakdown over its total)."""
    return assemble(RULES / "partition-sum" / "fires", tmp_path / "firing")


# --- the live dataset ------------------------------------------------------------------------

def test_every_open_error_has_been_reviewed_by_a_curator(runner):
    """A new article may add disagreements; CI fails until a curator has looked at each open error."""
    rows = conflicts_json(runner, str(ROOT))
    unseen = [r["conflict_id"] for r in rows if r["status"] == "open" and r["severity"] == "error"
              and (not r["rationale"] or r["unreviewed_claims"])]
    assert unseen == [], "add a decision (with or without a value) to seeds/decisions.yaml for each"


def test_resolved_conflicts_say_what_was_chosen_and_why(runner):
    for row in conflicts_json(runner, str(ROOT)):
        if row["status"] == "resolved_by_curator":
            assert row["resolution"] and row["rationale"], row["conflict_id"]


def test_package_and_project_give_the_same_conflicts(runner, built_package):
    assert conflicts_json(runner, str(built_package)) == conflicts_json(runner, str(ROOT))


SEED_DISAGREEMENTS = {
    # 156 (Coale on X) against 123 everywhere else
    "release-2025-12-13.released_count.value": ({"123", "156"}, {"rf-011", "rf-001"}),
    # 8 sent to Vilnius against 9 sent to Lithuania, compared at country level
    "release-2025-12-13.destination_count.value.lithuania": ({"8", "9"}, {"ki-026", "rf-014"}),
    # a source contradicting itself through arithmetic: 114 + 8 is not 123
    "release-2025-12-13.destination_count.sum_rule": ({"122", "123"}, {"ki-005", "ki-022", "ki-026"}),
    # Belavia relief dated September in one source and November in another
    "us-sanctions-belavia.lifted_on.date": ({"2025-09", "2025-11"}, {"ki-015", "nh-057"}),
    # more than 1,200 remaining cannot follow from 1,227 before a release that freed at least 109
    "belarus.political_prisoner_count.arithmetic": ({"1227", "more than 1200"}, {"im-012", "nh-062", "rf-019"}),
    # the envoy's surname misspelt in one source
    "john-coale.name.name": ({"John Cole", "John Coale"}, {"ki-017", "ki-019", "ki-020"}),
}


@pytest.mark.parametrize("conflict_id", sorted(SEED_DISAGREEMENTS))
def test_the_seed_articles_disagreements_are_still_recorded(runner, conflict_id):
    """New articles may join these conflicts; they may not make them disappear."""
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(ROOT))}
    values, claims = SEED_DISAGREEMENTS[conflict_id]
    assert conflict_id in rows
    assert values <= set(rows[conflict_id]["values"]) and claims <= set(rows[conflict_id]["claim_ids"])
    assert rows[conflict_id]["status"] in ("open", "resolved_by_curator")


def test_differences_the_registry_explains_are_not_open(runner):
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(ROOT))}
    for explained in ("release-2025-12-13.destination_count.subgroup.ukraine.political-prisoners",
                      "ales-bialiatski.sent_to.place_hierarchy"):
        assert rows[explained]["status"] == "explained"


# --- the command -------------------------------------------------------------------------------

def test_fail_on_error_exits_1_while_open_errors_remain(runner, firing):
    result = runner.invoke(main, ["conflicts", str(firing), "--fail-on", "error", "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)  # stdout stays clean JSON
    opened = [r for r in rows if r["status"] == "open" and r["severity"] == "error"]
    assert f"{len(opened)} open conflict(s) of severity error or worse" in result.stderr


def test_fail_on_passes_once_a_curator_has_resolved_them(runner, firing):
    rows = conflicts_json(runner, str(firing))
    [conflict] = [r for r in rows if r["status"] == "open"]
    (firing / "seeds/decisions.yaml").write_text(f"""decisions:
  - subject: {conflict['subject_id']}
    property: {conflict['property']}
    kind: {conflict['kind']}
    population: {conflict['population_id']}
    value: "9"
    rationale: the fixture's nationalities are taken as the more detailed figure
    decided_by: tests
    claims: [{', '.join(conflict['claim_ids'])}]
""")
    result = runner.invoke(main, ["conflicts", str(firing), "--fail-on", "warning"])
    assert result.exit_code == 0, result.output


def test_formats(runner, firing):
    table = runner.invoke(main, ["conflicts", str(firing), "--status", "open"])
    assert table.exit_code == 0 and "1 conflict(s): 1 open" in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["conflicts", str(firing), "--format", "csv"]).stdout)))
    assert {r["kind"] for r in rows} >= {"partition_sum"}
    markdown = runner.invoke(main, ["conflicts", str(firing), "--format", "markdown"]).stdout
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
