"""The live dataset (seeds/ and the committed datapackage/) against what holds after any valid contribution.

Nothing here names an id, a count or a conflict of today's data: the dataset grows by
contributions, and a correct one must stay green. Exact figures belong to the suite's own project
(tests/fixtures/project). What is checked instead: the committed package is what seeds/ build;
every resolved value leads to claims whose quotes stand in their articles; every key resolves;
every disagreement between claims is a conflict row with its sides; destination figures add up or
a conflict says whose do not; differences the registry explains are explained by the registry.
Each of these is checked on the committed package and on a fresh build of seeds/ by the code as it
stands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from toolkit.cli import main

from . import invariants
from .conftest import ROOT, tree_digest

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def live_build(tmp_path_factory) -> Path:
    """seeds/ built afresh, to compare with what is committed."""
    from toolkit.pipeline import build_package
    from toolkit.project import open_project

    out = tmp_path_factory.mktemp("live") / "datapackage"
    result = build_package(open_project(ROOT), out)
    assert result.ok, [f"{i.file}:{i.line}: {i.message}" for i in result.report.errors]
    return out


@pytest.fixture(scope="module", params=["committed", "built"])
def package(request, live_package) -> Path:
    """Each invariant holds for the committed package and for what the code builds from seeds/ now
    (the same files while the committed one is current): a fault of the code is named by the rule it
    breaks, not only by the staleness test."""
    return live_package if request.param == "committed" else request.getfixturevalue("live_build")


def conflicts_json(runner, *args) -> list[dict]:
    result = runner.invoke(main, ["conflicts", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- the committed package -------------------------------------------------------------------------

def test_the_committed_package_is_what_the_seeds_build(live_build, live_package):
    """datapackage/ in the repository must be what the seeds build; rebuild and commit if not."""
    assert live_package.is_dir(), "datapackage/ is missing: run `make build` and commit it"
    assert tree_digest(live_package) == tree_digest(live_build), (
        "datapackage/ is stale: run `make build` and commit the result")


def test_the_live_project_and_its_package_have_no_errors(runner, live_package):
    for path in (ROOT, live_package):
        result = runner.invoke(main, ["validate", str(path), "--format", "json"])
        report = json.loads(result.stdout)
        assert result.exit_code == 0, [f"{i['file']}:{i['line']}: {i['message']}" for i in report["issues"]
                                       if i["severity"] == "error"]


def test_created_is_the_date_of_the_newest_article(package):
    descriptor = json.loads((package / "datapackage.json").read_text())
    published = [s["published"] for s in yaml.safe_load((ROOT / "seeds/manifest.yaml").read_text())["sources"]]
    newest = max(published, key=lambda d: (d + "-01-01")[:10])
    assert descriptor["created"] == (newest + "-01-01")[:10] + "T00:00:00Z"


# --- provenance, keys and conflicts: the checks of tests/invariants.py -------------------------------
# (tests/test_shapes.py holds the same checks to the suite's own project grown by every shape a valid
# contribution can make, so a shape these cannot hold fails there before it reaches seeds/)

def test_every_resolved_value_leads_to_claims_quoted_from_their_article(package):
    invariants.resolved_values_lead_to_quotes(ROOT, package)


def test_every_claim_quotes_its_article_and_names_its_ledger_line(package):
    invariants.claims_quote_their_articles(ROOT, package)


def test_release_people_lead_to_their_claims(package):
    invariants.release_people_lead_to_claims(package)


def test_every_key_resolves(package):
    invariants.keys_resolve(package)


def test_every_conflict_names_claims_and_sources_that_exist_and_its_sides(package):
    invariants.conflicts_name_claims_sources_and_sides(package)


def test_the_package_and_the_project_give_the_same_conflicts(runner, live_package):
    assert conflicts_json(runner, str(live_package)) == conflicts_json(runner, str(ROOT))


def test_every_disagreement_between_counts_is_a_conflict_row(package):
    invariants.count_disagreements_are_rows(ROOT, package)


def test_every_disagreement_between_dates_is_a_conflict_row(package):
    invariants.date_disagreements_are_rows(ROOT, package)


def test_every_value_in_dispute_points_to_a_conflict(package):
    invariants.disputed_values_point_to_conflicts(package)


def test_destination_figures_add_up_to_the_total_or_a_conflict_says_whose_do_not(package):
    invariants.destinations_add_up(package)


def test_differences_the_registry_explains_are_explained_by_it(package):
    invariants.the_registry_explains_what_it_explains(package)


def test_several_true_values_are_kept_each_with_its_claims(package):
    invariants.several_true_values_are_kept_with_their_claims(ROOT, package)


def test_a_spelling_the_registry_lists_is_explained_by_it(package):
    invariants.registered_spellings_are_explained(package)


def test_every_invariant_is_checked_here():
    checked = {name.removeprefix("invariants.") for name in _called()}
    assert {check.__name__ for check in invariants.ALL} <= checked


def _called() -> set[str]:
    import ast

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    return {f"invariants.{n.attr}" for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "invariants"}


# --- the registry ----------------------------------------------------------------------------------

def test_every_registered_spelling_resolves_to_its_own_entity():
    from toolkit.ingest.entities import load_registry
    from toolkit.project import open_project
    from toolkit.report import Report

    report = Report()
    registry = load_registry(open_project(ROOT), report)
    assert report.valid
    raw = yaml.safe_load((ROOT / "seeds/registry.yaml").read_text())
    for entries in raw.values():
        for entry in entries or []:
            for spelling in [entry["id"], entry["name"], *(entry.get("aliases") or []),
                             *(entry.get("misspellings") or [])]:
                assert registry.resolve(spelling).entity_id == entry["id"], (spelling, entry["id"])
