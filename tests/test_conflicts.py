"""`prisoner-data conflicts`: the command, the curator's queue, and the disagreements of the suite's own
project, which are known exactly.

What a rule does is tested on fixture projects (tests/test_rule_fixtures.py); what must stay true of
the live dataset as articles are added is in tests/test_live.py."""

from __future__ import annotations

import csv
import io
import json

import pytest

from toolkit.cli import main

from .conftest import tree_digest
from .projectkit import add_article
from .test_rule_fixtures import RULES, assemble


def conflicts_json(runner, *args):
    result = runner.invoke(main, ["conflicts", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def firing(tmp_path):
    """A fixture project with one open error conflict (a nationality breakdown over its total)."""
    return assemble(RULES / "partition-sum" / "fires", tmp_path / "firing")


# --- the suite's own project: its disagreements are known ----------------------------------------

FIXTURE_DISAGREEMENTS = {
    # 46 (the envoy on social media) against 40 everywhere else
    "release-fx-december.released_count.value": ({"40", "46"}, {"fd-004", "fh-001"}, "resolved_by_curator"),
    # 8 sent to Vilnius against 9 sent to Lithuania, compared at country level
    "release-fx-december.destination_count.value.lithuania": ({"8", "9"}, {"fd-008", "fh-005"},
                                                              "resolved_by_curator"),
    # a source contradicting itself through arithmetic: 31 + 8 is not 40
    "release-fx-december.destination_count.sum_rule": ({"39"}, {"fd-005", "fd-007", "fd-008"}, "open"),
    # the airline's relief dated September in one source and November in another
    "sanction-fixture-air.lifted_on.date": ({"2025-09", "2025-11"}, {"fd-017", "fw-009"}, "open"),
    # more than 1,095 remaining cannot follow from 1,100 before a release that freed at least 28
    "belarus.political_prisoner_count.arithmetic": ({"1100", "more than 1095"}, {"fh-014", "fw-007", "fw-008"},
                                                    "open"),
    # the envoy's surname misspelt in one source, a misspelling the registry lists: explained by it
    "mark-dummy.name.name": ({"Mark Dumy", "Mark Dummy"}, {"fd-003", "fd-004"}, "explained"),
}


@pytest.mark.parametrize("conflict_id", sorted(FIXTURE_DISAGREEMENTS))
def test_the_fixture_articles_disagreements_are_recorded(runner, project, conflict_id):
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(project))}
    values, claims, status = FIXTURE_DISAGREEMENTS[conflict_id]
    assert conflict_id in rows, sorted(rows)
    assert values <= set(rows[conflict_id]["values"]) and claims <= set(rows[conflict_id]["claim_ids"])
    assert rows[conflict_id]["status"] == status


def test_differences_the_registry_explains_are_not_open(runner, project):
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(project))}
    for explained in ("release-fx-december.destination_count.subgroup.ukraine.political-prisoners",
                      "lena-fictiona.sent_to.place_hierarchy"):
        assert rows[explained]["status"] == "explained"


def test_resolved_conflicts_say_what_was_chosen_and_why(runner, project):
    resolved = [r for r in conflicts_json(runner, str(project)) if r["status"] == "resolved_by_curator"]
    assert resolved
    for row in resolved:
        assert row["resolution"] and row["rationale"], row["conflict_id"]


def test_package_and_project_give_the_same_conflicts(runner, project, built_package):
    assert conflicts_json(runner, str(built_package)) == conflicts_json(runner, str(project))


# --- the curator's queue: a maintainer's step, apart from the contributor's tests ------------------

def test_the_queue_is_empty_once_every_open_conflict_has_been_reviewed(runner, project):
    result = runner.invoke(main, ["conflicts", str(project), "--needs-review"])
    assert result.exit_code == 0, result.output
    assert "nothing awaits a curator" in result.stdout


def test_a_new_disagreement_waits_in_the_queue_until_a_curator_decides(runner, project):
    """A contribution that joins a decided conflict with another figure is valid; the conflict reopens
    and the queue names it, with the claim no curator has seen, until a decision covers that claim."""
    add_article(project, "testdesk-2025-12-17", "Belarus freed 44 prisoners on December 13.\n", published="2025-12-17",
                claims=[{"id": "td-001", "subject": "release-fx-december", "property": "released_count", "value": 44,
                         "quote": "Belarus freed 44 prisoners"}])
    assert runner.invoke(main, ["validate", "--project", str(project)]).exit_code == 0
    queue = runner.invoke(main, ["conflicts", str(project), "--needs-review", "--format", "json"])
    assert queue.exit_code == 1 and "1 open conflict(s) await a curator's decision" in queue.stderr
    [waiting] = json.loads(queue.stdout)
    assert waiting["conflict_id"] == "release-fx-december.released_count.value"
    assert (waiting["status"], waiting["unreviewed_claims"]) == ("open", ["td-001"])
    decisions = project / "seeds/decisions.yaml"
    decisions.write_text(decisions.read_text().replace("claims: [fd-001, fd-004, fd-005, fh-001, fw-005]",
                                                       "claims: [fd-001, fd-004, fd-005, fh-001, fw-005, td-001]"))
    assert runner.invoke(main, ["conflicts", str(project), "--needs-review"]).exit_code == 0


def _spelled(project, source: str, spelling: str):
    """An article that names the fixture's envoy as `spelling`, attributed a figure the others give."""
    return add_article(project, source, f"Forty prisoners were freed, {spelling} said.\n", published="2025-12-18",
                       claims=[{"id": f"{source[:2]}-001", "subject": "release-fx-december",
                                "property": "released_count", "value": 40, "attributed_to": spelling,
                                "quote": f"Forty prisoners were freed, {spelling} said."}])


def test_a_later_claim_with_a_listed_misspelling_is_explained_not_reopened(runner, project):
    """The registry lists 'Dumy' as a misspelling of the envoy: a new article writing it is explained by the
    registry, and nothing waits for a curator."""
    _spelled(project, "samespell-2025-12-18", "Dumy")
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(project))}
    name = rows["mark-dummy.name.name"]
    assert (name["status"], name["severity"]) == ("explained", "info") and "sa-001" in name["claim_ids"]
    assert "a misspelling the registry lists for Mark Dummy" in name["description"]
    assert runner.invoke(main, ["conflicts", str(project), "--needs-review"]).exit_code == 0


def test_a_spelling_the_registry_does_not_list_waits_in_the_queue(runner, project):
    """'Mark Dummey' is close to the envoy's name but unlisted: not merged, and the curator's queue names it
    until the registry lists it (then it is explained)."""
    ledger = _spelled(project, "newspell-2025-12-18", "Mark Dummey")
    queue = runner.invoke(main, ["conflicts", str(project), "--needs-review"])
    assert queue.exit_code == 1, queue.output
    assert f"{ledger.relative_to(project)}:" in queue.stderr and "'Mark Dummey' is not in the registry" in queue.stderr
    assert "a curator decides: list it in seeds/registry.yaml" in queue.stderr
    registry = project / "seeds/registry.yaml"
    registry.write_text(registry.read_text().replace("misspellings: [Mark Dumy, Dumy]",
                                                     "misspellings: [Mark Dumy, Dumy, Mark Dummey]"))
    assert runner.invoke(main, ["conflicts", str(project), "--needs-review"]).exit_code == 0
    rows = {r["conflict_id"]: r for r in conflicts_json(runner, str(project))}
    name = rows["mark-dummy.name.name"]
    assert name["status"] == "explained" and "Mark Dummey" in name["values"]


def test_the_queue_holds_open_conflicts_of_any_severity(runner, project):
    """A person's details that disagree are a warning, not an error; no curator has seen it, so it waits."""
    add_article(project, "agedesk-2025-12-18", "Lena Fictiona was taken to Warsaw.\n", published="2025-12-18",
                claims=[{"id": "ag-001", "subject": "lena-fictiona", "property": "sent_to", "value": "warsaw",
                         "quote": "Lena Fictiona was taken to Warsaw."}])
    queue = runner.invoke(main, ["conflicts", str(project), "--needs-review", "--format", "json"])
    waiting = json.loads(queue.stdout)
    assert queue.exit_code == 1 and waiting
    assert {(r["severity"], r["status"]) for r in waiting} == {("warning", "open")}
    assert all("ag-001" in r["claim_ids"] for r in waiting)


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
    assert runner.invoke(main, ["conflicts", str(firing), "--needs-review"]).exit_code == 1
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
    assert runner.invoke(main, ["conflicts", str(firing), "--needs-review"]).exit_code == 0


def test_formats(runner, firing):
    table = runner.invoke(main, ["conflicts", str(firing), "--status", "open"])
    assert table.exit_code == 0 and "1 conflict(s): 1 open" in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["conflicts", str(firing), "--format", "csv"]).stdout)))
    assert {r["kind"] for r in rows} >= {"partition_sum"}
    markdown = runner.invoke(main, ["conflicts", str(firing), "--format", "markdown"]).stdout
    assert markdown.startswith("| conflict | status |")


def test_a_stale_decision_is_reported_with_its_line_and_waits_in_the_curators_queue(runner, project):
    """A decision that matches no conflict cannot pile up unnoticed: the build names its line, and the
    maintainer's queue fails until it is removed. It is not the contributor's to fix (a new article can
    change what a decision was made on), so the build still succeeds."""
    decisions = project / "seeds/decisions.yaml"
    text = decisions.read_text()
    line = text.count("\n") + 2
    decisions.write_text(text + "\n  - subject: release-fx-june\n    property: released_count\n    value: 12\n"
                         "    rationale: there is no conflict here any more\n    decided_by: tests\n")
    message = f"seeds/decisions.yaml:{line}: warning: decision for release-fx-june released_count matches no open conflict"
    result = runner.invoke(main, ["build", "--project", str(project)])
    assert result.exit_code == 0 and message in result.stderr
    queue = runner.invoke(main, ["conflicts", str(project), "--needs-review"])
    assert queue.exit_code == 1
    assert f"seeds/decisions.yaml:{line}: decision for release-fx-june released_count matches no open conflict" \
        in queue.stderr
    decisions.write_text(text)
    assert runner.invoke(main, ["conflicts", str(project), "--needs-review"]).exit_code == 0


def test_a_decision_naming_claims_that_do_not_exist_fails_the_build(runner, project):
    decisions = project / "seeds/decisions.yaml"
    decisions.write_text(decisions.read_text().replace("claims: [fd-008, fh-005]", "claims: [fd-008, fh-005, zz-404]"))
    before = tree_digest(project / "datapackage")
    result = runner.invoke(main, ["build", "--project", str(project), "-q"])
    assert result.exit_code == 1 and "it lists claims that do not exist: zz-404" in result.stderr
    assert tree_digest(project / "datapackage") == before
