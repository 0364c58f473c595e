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

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from toolkit.cli import main

from .conftest import ROOT, tree_digest

pytestmark = pytest.mark.live

SETTLED = {"agreed", "single_source", "resolved_by_curator"}


def rows(package: Path, name: str) -> list[dict]:
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def listed(cell: str) -> list[str]:
    return cell.split("|") if cell else []


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


@pytest.fixture(scope="module")
def claims(package) -> dict[str, dict]:
    return {c["claim_id"]: c for c in rows(package, "claims")}


@pytest.fixture(scope="module")
def conflicts(package) -> list[dict]:
    return rows(package, "conflicts")


@pytest.fixture(scope="module")
def entities(package) -> dict[str, dict]:
    return {e["entity_id"]: e for e in rows(package, "entities")}


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


# --- provenance: every value leads to quotes in the articles ----------------------------------------

VALUE_TABLES = ("releases", "people", "sanctions", "release_destinations", "release_groups", "prisoner_counts")


def test_every_resolved_value_leads_to_claims_quoted_from_their_article(package, claims):
    sources = {s["source_id"]: s for s in rows(package, "sources")}
    articles: dict[str, list[str]] = {}
    references = checked = 0
    for table in VALUE_TABLES:
        for row in rows(package, table):
            for column, cell in row.items():
                if not column.endswith("_claims") or not cell:
                    continue
                status = row[column.removesuffix("_claims") + "_status"]
                assert status in {*SETTLED, "conflict"}, (table, column)
                # a value is agreed when more than one source gives it, and all of them are listed
                said_by = {claims[claim_id]["source_id"] for claim_id in listed(cell)}
                if status == "agreed":
                    assert len(said_by) > 1, (table, row, column)
                elif status == "single_source":
                    assert len(said_by) == 1, (table, row, column)
                for claim_id in listed(cell):
                    references += 1
                    claim = claims[claim_id]
                    path = sources[claim["source_id"]]["article_path"]
                    if path not in articles:
                        articles[path] = (ROOT / path).read_text(encoding="utf-8").splitlines()
                    assert claim["quote"] in articles[path][int(claim["quote_line"]) - 1], claim_id
                    checked += 1
    assert references and checked == references


def test_every_claim_quotes_its_article_and_names_its_ledger_line(package, claims):
    sources = {s["source_id"]: s for s in rows(package, "sources")}
    for claim in claims.values():
        article = (ROOT / sources[claim["source_id"]]["article_path"]).read_text(encoding="utf-8").splitlines()
        assert claim["quote"] in article[int(claim["quote_line"]) - 1], claim["claim_id"]
        ledger = (ROOT / claim["ledger_file"]).read_text(encoding="utf-8").splitlines()
        assert f"id: {claim['claim_id']}" in ledger[int(claim["ledger_line"]) - 1], claim["claim_id"]


def test_release_people_lead_to_their_claims(package, claims):
    for link in rows(package, "release_people"):
        assert listed(link["claims"]), link
        for claim_id in listed(link["claims"]):
            assert claims[claim_id]["subject_id"] == link["person_id"]
            assert claims[claim_id]["entity_id"] == link["release_id"]


def test_every_key_resolves(package, claims, entities):
    sources = {s["source_id"] for s in rows(package, "sources")}
    for claim in claims.values():
        assert claim["source_id"] in sources and claim["subject_id"] in entities, claim["claim_id"]
        for column in ("entity_id", "scope_id", "population_id", "attributed_to_id", "date_event_id"):
            assert not claim[column] or claim[column] in entities, (claim["claim_id"], column)
    for entity in entities.values():
        for column in ("part_of_id", "country_id", "nationality_id"):
            assert not entity[column] or entity[column] in entities, (entity["entity_id"], column)


# --- conflicts: each with its sides, every disagreement recorded -------------------------------------

def test_every_conflict_names_claims_and_sources_that_exist_and_its_sides(conflicts, claims):
    for conflict in conflicts:
        named = listed(conflict["claim_ids"])
        assert named, conflict["conflict_id"]
        assert sorted({claims[c]["source_id"] for c in named}) == listed(conflict["source_ids"])
        assert len(listed(conflict["values"])) >= 2, conflict["conflict_id"]  # two sides at least
        assert conflict["description"].endswith((".", ")")), conflict["conflict_id"]
        if conflict["status"] == "resolved_by_curator":
            assert conflict["resolution"] and conflict["rationale"], conflict["conflict_id"]


def test_the_package_and_the_project_give_the_same_conflicts(runner, live_package):
    assert conflicts_json(runner, str(live_package)) == conflicts_json(runner, str(ROOT))


def _country(place: str, entities: dict[str, dict]) -> str:
    seen = set()
    while entities[place]["part_of_id"] and entities[entities[place]["part_of_id"]]["kind"] == "place" \
            and place not in seen:
        seen.add(place)
        place = entities[place]["part_of_id"]
    return place


def _count_facts(claims: dict[str, dict], entities: dict[str, dict]) -> dict[tuple, list[dict]]:
    """Count claims grouped the way the build compares them: subject, property, scope at country level,
    population (the root group is everyone), and as_of where the vocabulary says the value changes."""
    vocabulary = yaml.safe_load((ROOT / "schemas/properties.yaml").read_text())["properties"]
    facts: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims.values():
        prop = vocabulary[claim["property"]]
        if prop["type"] != "count" or prop.get("ages"):
            continue
        scope = _country(claim["scope_id"], entities) if claim["scope_id"] else ""
        population = claim["population_id"]
        if population and entities[population]["root"] == "true":
            population = ""
        as_of = claim["as_of"] if prop.get("dated") else ""
        facts[claim["subject_id"], claim["property"], scope, population, as_of].append(claim)
    return facts


def test_every_disagreement_between_counts_is_a_conflict_row(conflicts, claims, entities):
    """Two claims of one fact whose figures share no value are never both passed over in silence."""
    covered = [set(listed(c["claim_ids"])) for c in conflicts]
    for key, group in _count_facts(claims, entities).items():
        for first in group:
            for second in group:
                if first["claim_id"] >= second["claim_id"]:
                    continue
                high = lambda c: float(c["count_high"]) if c["count_high"] else float("inf")  # noqa: E731
                if int(first["count_low"]) <= high(second) and int(second["count_low"]) <= high(first):
                    continue
                pair = {first["claim_id"], second["claim_id"]}
                assert any(pair <= named for named in covered), (key, sorted(pair))


def test_every_disagreement_between_dates_is_a_conflict_row(conflicts, claims):
    """Two claims dating one thing to periods that share no day are never both passed over in silence."""
    from toolkit.values import DateValue

    covered = [set(listed(c["claim_ids"])) for c in conflicts]
    vocabulary = yaml.safe_load((ROOT / "schemas/properties.yaml").read_text())["properties"]
    facts: dict[tuple, list[tuple[str, DateValue]]] = defaultdict(list)
    for claim in claims.values():
        if vocabulary[claim["property"]]["type"] != "date" or not claim["date_value"]:
            continue
        length = {"year": 4, "month": 7, "day": 10}[claim["date_precision"]]
        value = DateValue(claim["date_value"][:length], claim["date_qualifier"] or "exact")
        facts[claim["subject_id"], claim["property"], claim["scope_id"]].append((claim["claim_id"], value))
    for key, group in facts.items():
        for first, one in group:
            for second, other in group:
                if first < second and (one.high < other.low or other.high < one.low):
                    assert any({first, second} <= named for named in covered), (key, first, second)


def test_every_value_in_dispute_points_to_a_conflict(package, conflicts):
    """A value shown as `conflict` or chosen by a curator has a conflict row holding its claims."""
    covered = [set(listed(c["claim_ids"])) for c in conflicts]
    for table in VALUE_TABLES:
        for row in rows(package, table):
            for column, status in row.items():
                if column.endswith("_status") and status in ("conflict", "resolved_by_curator"):
                    backing = set(listed(row[column.removesuffix("_status") + "_claims"]))
                    assert any(backing & named for named in covered), (table, column, row)


def _interval(count: str, qualifier: str, upper: str) -> tuple[float, float]:
    from toolkit.values import Count

    value = Count(int(count), qualifier or "exact", int(upper) if upper else None)
    return value.low, value.high


def test_destination_figures_add_up_to_the_total_or_a_conflict_says_whose_do_not(package, claims, conflicts,
                                                                               entities):
    """Per release and per source: two or more destinations are a split of everyone freed."""
    flagged = defaultdict(set)
    for conflict in conflicts:
        if conflict["kind"] == "sum_rule":
            flagged[conflict["subject_id"]].update(listed(conflict["source_ids"]))
    per_source: dict[tuple, dict] = defaultdict(lambda: {"parts": defaultdict(list), "totals": []})
    for claim in claims.values():
        if claim["population_id"] and entities[claim["population_id"]]["root"] != "true":
            continue
        entry = per_source[claim["subject_id"], claim["source_id"]]
        if claim["property"] == "destination_count":
            entry["parts"][_country(claim["scope_id"], entities)].append(claim)
        elif claim["property"] == "released_count" and claim["count_high"] == claim["count_low"]:
            entry["totals"].append(claim)
    for (release, source), entry in per_source.items():
        if len(entry["parts"]) < 2 or not entry["totals"]:
            continue
        narrowest = [min(cs, key=lambda c: (float(c["count_high"] or "inf") - int(c["count_low"]), c["claim_id"]))
                     for cs in entry["parts"].values()]
        low = sum(int(c["count_low"]) for c in narrowest)
        high = sum(float(c["count_high"] or "inf") for c in narrowest)
        if not any(low <= int(t["count_low"]) <= high for t in entry["totals"]):
            assert source in flagged[release], (release, source, low, high)
    for release in rows(package, "releases"):
        parts = [d for d in rows(package, "release_destinations")
                 if d["release_id"] == release["release_id"] and not d["group_id"]]
        if release["released_count_status"] not in SETTLED or len(parts) < 2 \
                or any(d["count_status"] not in SETTLED for d in parts):
            continue
        total = _interval(release["released_count"], release["released_count_qualifier"],
                          release["released_count_upper"])
        spans = [_interval(d["count"], d["count_qualifier"], d["count_upper"]) for d in parts]
        low, high = sum(s[0] for s in spans), sum(s[1] for s in spans)
        if not (total[0] <= high and low <= total[1]):
            assert flagged[release["release_id"]], (release["release_id"], low, high, total)


def _ancestors(entity: str, entities: dict[str, dict]) -> list[str]:
    chain = []
    while entity and entity not in chain:
        chain.append(entity)
        entity = entities[entity]["part_of_id"]
    return chain


def test_differences_the_registry_explains_are_explained_by_it(conflicts, claims, entities):
    """A city inside a country, a group inside a group: explained, never open, and the registry says so."""
    for conflict in conflicts:
        if conflict["kind"] == "place_hierarchy":
            assert conflict["status"] == "explained"
            places = listed(conflict["values"])
            deepest = max(places, key=lambda p: len(_ancestors(p, entities)))
            assert set(places) <= set(_ancestors(deepest, entities)), conflict["conflict_id"]
        elif conflict["kind"] == "subgroup":
            assert conflict["status"] == "explained"
            groups = {claims[c]["population_id"] or "" for c in listed(conflict["claim_ids"])}
            inner = max(groups, key=lambda g: len(_ancestors(g, entities)) if g else 0)
            assert all(not g or entities[g]["root"] == "true" or g in _ancestors(inner, entities)
                       for g in groups), conflict["conflict_id"]


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
