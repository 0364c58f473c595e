"""From any row of releases, people or sanctions a reader reaches the claims and their quotes."""

from __future__ import annotations

import pyarrow.parquet as pq

from .conftest import ROOT


def load(package, name):
    return pq.read_table(package / "data" / f"{name}.parquet").to_pylist()


def test_every_resolved_value_leads_to_claims_with_quotes_in_their_article(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    sources = {s["source_id"]: s for s in load(built_package, "sources")}
    checked = 0
    for table in ("releases", "people", "sanctions", "release_destinations", "release_groups", "prisoner_counts"):
        for row in load(built_package, table):
            for column, value in row.items():
                if not column.endswith("_claims") or value is None:
                    continue
                status = row[column[: -len("_claims")] + "_status"]
                assert status in {"agreed", "single_source", "conflict", "resolved_by_curator"}
                for claim_id in value:
                    claim = claims[claim_id]
                    article = (ROOT / sources[claim["source_id"]]["article_path"]).read_text(encoding="utf-8")
                    line = article.splitlines()[claim["quote_line"] - 1]
                    assert claim["quote"] in line
                    checked += 1
    assert checked > 150


def test_release_people_lead_to_claims(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    for link in load(built_package, "release_people"):
        assert link["claims"]
        for claim_id in link["claims"]:
            assert claims[claim_id]["subject_id"] == link["person_id"]
            assert claims[claim_id]["entity_id"] == link["release_id"]


def test_conflict_rows_name_claims_and_sources_that_exist(built_package):
    claims = {c["claim_id"]: c for c in load(built_package, "claims")}
    for conflict in load(built_package, "conflicts"):
        assert conflict["claim_ids"], conflict["conflict_id"]
        assert sorted({claims[c]["source_id"] for c in conflict["claim_ids"]}) == conflict["source_ids"]
        assert conflict["description"].endswith((".", ")"))
