"""What holds of any project and the package it builds, whatever valid contributions it has had.

tests/test_live.py checks these on the live dataset (seeds/ and the committed datapackage/);
tests/test_shapes.py checks them on the suite's own project grown by the shapes real contributions
made (a place given at city level by one source and at country level by another, several true
values, a breakdown across sources, a registered misspelling), so a shape the live tests cannot
hold fails there first, not in a contributor's pull request. Each check names no id, count or
conflict of any dataset; `root` is the project, `package` a package it built.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

import yaml

SETTLED = {"agreed", "single_source", "resolved_by_curator"}
VALUE_TABLES = ("releases", "people", "sanctions", "release_destinations", "release_groups", "prisoner_counts")
DISAGREEMENTS = {"open", "resolved_by_curator"}
"""Conflict statuses of a disagreement, which has two sides at least; an explained row may have one
(a city and its country given the same figure)."""


def rows(package: Path, name: str) -> list[dict]:
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def listed(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def claims_of(package: Path) -> dict[str, dict]:
    return {c["claim_id"]: c for c in rows(package, "claims")}


def entities_of(package: Path) -> dict[str, dict]:
    return {e["entity_id"]: e for e in rows(package, "entities")}


@cache
def _vocabulary(root: Path) -> dict:
    return yaml.safe_load((root / "schemas/properties.yaml").read_text())["properties"]


def vocabulary(root: Path) -> dict:
    return _vocabulary(Path(root))


# --- provenance ---------------------------------------------------------------------------------------

def resolved_values_lead_to_quotes(root: Path, package: Path) -> None:
    """Every resolved value leads to claims whose quotes stand in their articles; agreed means two sources."""
    claims = claims_of(package)
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
                        articles[path] = (root / path).read_text(encoding="utf-8").splitlines()
                    assert claim["quote"] in articles[path][int(claim["quote_line"]) - 1], claim_id
                    checked += 1
    assert references and checked == references


def claims_quote_their_articles(root: Path, package: Path) -> None:
    sources = {s["source_id"]: s for s in rows(package, "sources")}
    for claim in claims_of(package).values():
        article = (root / sources[claim["source_id"]]["article_path"]).read_text(encoding="utf-8").splitlines()
        assert claim["quote"] in article[int(claim["quote_line"]) - 1], claim["claim_id"]
        ledger = (root / claim["ledger_file"]).read_text(encoding="utf-8").splitlines()
        assert f"id: {claim['claim_id']}" in ledger[int(claim["ledger_line"]) - 1], claim["claim_id"]


def release_people_lead_to_claims(package: Path) -> None:
    claims = claims_of(package)
    for link in rows(package, "release_people"):
        assert listed(link["claims"]), link
        for claim_id in listed(link["claims"]):
            assert claims[claim_id]["subject_id"] == link["person_id"]
            assert claims[claim_id]["entity_id"] == link["release_id"]


def keys_resolve(package: Path) -> None:
    claims, entities = claims_of(package), entities_of(package)
    sources = {s["source_id"] for s in rows(package, "sources")}
    for claim in claims.values():
        assert claim["source_id"] in sources and claim["subject_id"] in entities, claim["claim_id"]
        for column in ("entity_id", "scope_id", "population_id", "attributed_to_id", "date_event_id"):
            assert not claim[column] or claim[column] in entities, (claim["claim_id"], column)
    for entity in entities.values():
        for column in ("part_of_id", "country_id", "nationality_id"):
            assert not entity[column] or entity[column] in entities, (entity["entity_id"], column)


# --- conflicts ----------------------------------------------------------------------------------------

def conflicts_name_claims_sources_and_sides(package: Path) -> None:
    """A disagreement has two sides at least; an explained row one or more; each names real claims."""
    claims = claims_of(package)
    for conflict in rows(package, "conflicts"):
        named = listed(conflict["claim_ids"])
        assert named, conflict["conflict_id"]
        assert sorted({claims[c]["source_id"] for c in named}) == listed(conflict["source_ids"])
        sides = len(listed(conflict["values"]))
        if conflict["status"] in DISAGREEMENTS or conflict["kind"] == "several_values":
            assert sides >= 2, conflict["conflict_id"]
        else:
            assert conflict["status"] == "explained" and sides >= 1, conflict["conflict_id"]
        assert conflict["description"].endswith((".", ")")), conflict["conflict_id"]
        if conflict["status"] == "resolved_by_curator":
            assert conflict["resolution"] and conflict["rationale"], conflict["conflict_id"]


def _country(place: str, entities: dict[str, dict]) -> str:
    seen = set()
    while entities[place]["part_of_id"] and entities[entities[place]["part_of_id"]]["kind"] == "place" \
            and place not in seen:
        seen.add(place)
        place = entities[place]["part_of_id"]
    return place


def _covered(conflicts: list[dict]) -> list[set[str]]:
    return [set(listed(c["claim_ids"])) for c in conflicts]


def count_disagreements_are_rows(root: Path, package: Path) -> None:
    """Two claims of one fact whose figures share no value are never both passed over in silence: grouped
    as the build compares them (subject, property, scope at country level, population with the root group
    as everyone, as_of where the value changes), each such pair is in one conflict row."""
    claims, entities = claims_of(package), entities_of(package)
    covered = _covered(rows(package, "conflicts"))
    facts: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims.values():
        prop = vocabulary(root)[claim["property"]]
        if prop["type"] != "count" or prop.get("ages"):
            continue
        scope = _country(claim["scope_id"], entities) if claim["scope_id"] else ""
        population = claim["population_id"]
        if population and entities[population]["root"] == "true":
            population = ""
        as_of = claim["as_of"] if prop.get("dated") else ""
        facts[claim["subject_id"], claim["property"], scope, population, as_of].append(claim)
    high = lambda c: float(c["count_high"]) if c["count_high"] else float("inf")  # noqa: E731
    for key, group in facts.items():
        for first in group:
            for second in group:
                if first["claim_id"] >= second["claim_id"]:
                    continue
                if int(first["count_low"]) <= high(second) and int(second["count_low"]) <= high(first):
                    continue
                pair = {first["claim_id"], second["claim_id"]}
                assert any(pair <= named for named in covered), (key, sorted(pair))


def date_disagreements_are_rows(root: Path, package: Path) -> None:
    """Two claims dating one thing to periods that share no day are in one conflict row."""
    from toolkit.values import DateValue

    covered = _covered(rows(package, "conflicts"))
    facts: dict[tuple, list[tuple[str, DateValue]]] = defaultdict(list)
    for claim in claims_of(package).values():
        if vocabulary(root)[claim["property"]]["type"] != "date" or not claim["date_value"]:
            continue
        length = {"year": 4, "month": 7, "day": 10}[claim["date_precision"]]
        value = DateValue(claim["date_value"][:length], claim["date_qualifier"] or "exact")
        facts[claim["subject_id"], claim["property"], claim["scope_id"]].append((claim["claim_id"], value))
    for key, group in facts.items():
        for first, one in group:
            for second, other in group:
                if first < second and (one.high < other.low or other.high < one.low):
                    assert any({first, second} <= named for named in covered), (key, first, second)


def disputed_values_point_to_conflicts(package: Path) -> None:
    """A value shown as `conflict` or chosen by a curator has a conflict row holding its claims."""
    covered = _covered(rows(package, "conflicts"))
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


def destinations_add_up(package: Path) -> None:
    """Per release and per source, two or more destinations (a city counted in its country) are a split of
    everyone freed: they add up to the total, or a sum_rule conflict names the source."""
    claims, entities = claims_of(package), entities_of(package)
    flagged = defaultdict(set)
    for conflict in rows(package, "conflicts"):
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
    destinations = rows(package, "release_destinations")
    for release in rows(package, "releases"):
        parts = [d for d in destinations if d["release_id"] == release["release_id"] and not d["group_id"]]
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


def the_registry_explains_what_it_explains(package: Path) -> None:
    """A city inside a country: explained, never open; a group beside the group it is part of: the registry
    says it is inside (an open row says it outnumbers it).
    The places of a place_hierarchy row are its values when the places are the value (where a person was
    taken), else the scopes its claims name (a figure sent to a city and to its country)."""
    claims, entities = claims_of(package), entities_of(package)
    for conflict in rows(package, "conflicts"):
        named = [claims[c] for c in listed(conflict["claim_ids"])]
        if conflict["kind"] == "place_hierarchy":
            assert conflict["status"] == "explained"
            values = listed(conflict["values"])
            places = values if all(v in entities for v in values) else sorted({c["scope_id"] for c in named})
            assert all(p in entities for p in places), conflict["conflict_id"]
            deepest = max(places, key=lambda p: len(_ancestors(p, entities)))
            assert set(places) <= set(_ancestors(deepest, entities)), conflict["conflict_id"]
        elif conflict["kind"] == "subgroup":  # explained, or open where a group outnumbers its parent
            groups = {c["population_id"] or "" for c in named}
            inner = max(groups, key=lambda g: len(_ancestors(g, entities)) if g else 0)
            assert all(not g or entities[g]["root"] == "true" or g in _ancestors(inner, entities)
                       for g in groups), conflict["conflict_id"]


def several_true_values_are_kept_with_their_claims(root: Path, package: Path) -> None:
    """Only a property the vocabulary lets hold several values gives a several_values row; it is explained,
    never open, its claims are all of that property and subject, and the tables show one of its values
    with that value's own claims (the rest are in the row)."""
    claims = claims_of(package)
    for conflict in rows(package, "conflicts"):
        if conflict["kind"] != "several_values":
            continue
        assert conflict["status"] == "explained", conflict["conflict_id"]
        assert vocabulary(root)[conflict["property"]].get("values") == "many", conflict["conflict_id"]
        named = [claims[c] for c in listed(conflict["claim_ids"])]
        assert {(c["subject_id"], c["property"]) for c in named} == {(conflict["subject_id"], conflict["property"])}
    for table in VALUE_TABLES:
        for row in rows(package, table):
            for column, cell in row.items():
                if column.endswith("_claims") and cell:
                    properties = {claims[c]["property"] for c in listed(cell)}
                    assert len(properties) == 1, (table, column, row)


def registered_spellings_are_explained(package: Path) -> None:
    """A name the registry lists as a misspelling of its entity is explained by the registry: never open."""
    for conflict in rows(package, "conflicts"):
        if conflict["kind"] == "name":
            assert conflict["status"] == "explained", conflict["conflict_id"]


ALL = (resolved_values_lead_to_quotes, claims_quote_their_articles, release_people_lead_to_claims, keys_resolve,
       conflicts_name_claims_sources_and_sides, count_disagreements_are_rows, date_disagreements_are_rows,
       disputed_values_point_to_conflicts, destinations_add_up, the_registry_explains_what_it_explains,
       several_true_values_are_kept_with_their_claims, registered_spellings_are_explained)
"""Every check; each takes (root, package) or (package)."""


def run(check, root: Path, package: Path) -> None:
    """One check on a project and its package, whichever of the two it reads."""
    import inspect

    if "root" in inspect.signature(check).parameters:
        check(root, package)
    else:
        check(package)
