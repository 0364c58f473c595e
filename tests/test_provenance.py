"""From any row of releases, people or sanctions a reader reaches the claims and their quotes.

On the suite's own project, where the claims behind each value are known; tests/test_live.py holds the
live dataset to the same, as invariants."""

from __future__ import annotations

import pyarrow.parquet as pq

from .conftest import FIXTURE_PROJECT


def load(package, name):
    return pq.read_table(package / "data" / f"{name}.parquet").to_pylist()


def test_every_resolved_value_leads_to_claims_with_quotes_in_their_article(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    sources = {s["source_id"]: s for s in load(built_package, "sources")}
    referenced = set()
    for table in ("releases", "people", "sanctions", "release_destinations", "release_groups", "prisoner_counts",
                  "entities"):
        for row in load(built_package, table):
            for column, value in row.items():
                if not column.endswith("_claims") or value is None:
                    continue
                if table != "entities":  # the entities' roles are listed, not resolved: no status
                    status = row[column[: -len("_claims")] + "_status"]
                    assert status in {"agreed", "single_source", "conflict", "resolved_by_curator"}
                for claim_id in value:
                    claim = claims[claim_id]
                    article = (FIXTURE_PROJECT / sources[claim["source_id"]]["article_path"]).read_text(encoding="utf-8")
                    line = article.splitlines()[claim["quote_line"] - 1]
                    assert claim["quote"] in line
                    referenced.add(claim_id)
    # every claim of the fixture backs a value somewhere, apart from those about people who only say
    # which release freed them (release_people holds those)
    released_in = {c["claim_id"] for c in claims.values() if c["property"] == "released_in"}
    assert referenced | released_in == set(claims)


def test_a_value_leads_to_exactly_the_claims_behind_it(built_package):
    releases = {r["release_id"]: r for r in load(built_package, "releases")}
    december = releases["release-fx-december"]
    assert december["released_count"] == 40 and december["released_count_status"] == "resolved_by_curator"
    assert december["released_count_claims"] == ["fd-001", "fd-004", "fd-005", "fh-001", "fw-005"]
    assert december["released_count_origins"] == 4  # the agency, the envoy, and two outlets in their own voice
    people = {p["person_id"]: p for p in load(built_package, "people")}
    assert people["lena-fictiona"]["sent_to_id"] == "vilnius"
    assert people["lena-fictiona"]["sent_to_claims"] == ["fd-009", "fh-011"]


def test_people_who_were_not_freed_keep_their_roles(built_package):
    """The spokeswoman was named, not freed: no row of people, but what the source calls her is kept."""
    entities = {e["entity_id"]: e for e in load(built_package, "entities")}
    people = {p["person_id"] for p in load(built_package, "people")}
    assert "vera-sampler" not in people
    assert entities["vera-sampler"]["roles"] == ["spokeswoman for the Fixture Rights Centre"]
    assert entities["vera-sampler"]["roles_claims"] == ["fh-018"]
    assert entities["lena-fictiona"]["roles"] == ["prominent opposition activist", "opposition activist"]
    assert entities["belarus"]["roles"] is None  # only people have roles


def test_release_people_lead_to_claims(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    links = load(built_package, "release_people")
    assert {(l["release_id"], l["person_id"]) for l in links} == {
        ("release-fx-december", "lena-fictiona"), ("release-fx-december", "tomas-invent"),
        ("release-fx-june", "oleg-placeholder")}
    for link in links:
        assert link["claims"]
        for claim_id in link["claims"]:
            assert claims[claim_id]["subject_id"] == link["person_id"]
            assert claims[claim_id]["entity_id"] == link["release_id"]


def test_conflict_rows_name_claims_and_sources_that_exist(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    conflicts = load(built_package, "conflicts")
    assert conflicts
    for conflict in conflicts:
        assert conflict["claim_ids"], conflict["conflict_id"]
        assert sorted({claims[c]["source_id"] for c in conflict["claim_ids"]}) == conflict["source_ids"]
        assert conflict["description"].endswith((".", ")"))
