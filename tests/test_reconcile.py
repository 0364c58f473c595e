"""Unit tests for each comparison and each cross-field rule, on claims built in memory."""

from __future__ import annotations

from toolkit.reconcile import reconcile_claims
from toolkit.reconcile.rules import RULES

from .claimkit import claim, mini_registry, vocabulary


def run(*claims, decisions=()):
    return reconcile_claims(list(claims), mini_registry(), vocabulary(), decisions)


def only(result, kind=None, status=None):
    return [c for c in result.conflicts if (kind is None or c.kind == kind) and (status is None or c.status == status)]


# --- comparison ------------------------------------------------------------------------------

def test_agreeing_counts_resolve_to_the_narrowest_with_status_agreed():
    result = run(claim("a", "release-1", "released_count", 100, "s1", "more_than"),
                 claim("b", "release-1", "released_count", 123, "s2"))
    fact = result.fact("release-1", "released_count")
    assert (str(fact.value), fact.status, fact.claim_ids) == ("123", "agreed", ["a", "b"])
    assert result.conflicts == []


def test_one_source_is_single_source_even_with_two_claims():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 123, "s1"))
    assert result.fact("release-1", "released_count").status == "single_source"


def test_disagreeing_counts_are_a_value_conflict_naming_each_side():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2", said_by="Smith"),
                 claim("c", "release-1", "released_count", 100, "s3", "more_than"))
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.status, conflict.severity) == ("value", "open", "error")
    assert conflict.values == ["123", "156", "more than 100"]
    assert conflict.source_ids == ["s1", "s2", "s3"]
    assert "156 (s2 via Smith)" in conflict.description
    assert result.fact("release-1", "released_count").status == "conflict"
    assert result.fact("release-1", "released_count").value is None


def test_a_source_that_repeats_a_figure_is_named_once_on_its_side():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 123, "s1"),
                 claim("c", "release-1", "released_count", 123, "s2", said_by="Smith"),
                 claim("d", "release-1", "released_count", 156, "s3"))
    [conflict] = result.conflicts
    assert "123 (s1, s2 via Smith); 156 (s3)" in conflict.description
    assert [c.id for c in conflict.claims] == ["a", "b", "c", "d"]


def test_a_source_can_contradict_itself():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s1"))
    assert [c.source_ids for c in only(result, "value")] == [["s1"]]


def test_month_agrees_with_a_day_inside_it_but_not_another_month():
    agreed = run(claim("a", "sanction-1", "lifted_on", "2025-09", "s1"),
                 claim("b", "sanction-1", "lifted_on", "2025-09-11", "s2"))
    assert str(agreed.fact("sanction-1", "lifted_on").value) == "2025-09-11"
    assert agreed.conflicts == []
    clash = run(claim("a", "sanction-1", "lifted_on", "2025-11", "s1"),
                claim("b", "sanction-1", "lifted_on", "2025-09-11", "s2"))
    assert [c.kind for c in clash.conflicts] == ["date"]


def test_counts_at_different_as_of_dates_are_different_facts():
    result = run(claim("a", "country-a", "political_prisoner_count", 1227, "s1", as_of="2025-12-12"),
                 claim("b", "country-a", "political_prisoner_count", 1100, "s2", "more_than", as_of="2025-12-14"))
    assert result.conflicts == []
    assert len(result.subject_facts("country-a")) == 2


def test_entity_values_compare_after_alias_resolution():
    result = run(claim("a", "release-1", "envoy", "envoy-smith", "s1", mention="John Smith"),
                 claim("b", "release-1", "envoy", "envoy-smith", "s2", mention="Smith"))
    assert result.fact("release-1", "envoy").status == "agreed"
    assert result.conflicts == []


def test_a_place_inside_another_is_explained_not_open():
    result = run(claim("a", "anna-ivanova", "sent_to", "city-a", "s1"),
                 claim("b", "anna-ivanova", "sent_to", "country-a", "s2"))
    assert result.fact("anna-ivanova", "sent_to").value == "city-a"
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.status) == ("place_hierarchy", "explained")


def test_different_places_conflict():
    result = run(claim("a", "anna-ivanova", "sent_to", "country-a", "s1"),
                 claim("b", "anna-ivanova", "sent_to", "country-b", "s2"))
    assert [(c.kind, c.status, c.severity) for c in result.conflicts] == [("value", "open", "warning")]


def test_destination_in_a_city_is_compared_with_its_country():
    result = run(claim("a", "release-1", "destination_count", 8, "s1", scope="city-a"),
                 claim("b", "release-1", "destination_count", 9, "s2", scope="country-a"))
    [conflict] = result.conflicts
    assert conflict.scope == "country-a"
    assert "Alphaville" not in conflict.description and "city-a counted as country-a" in conflict.description


def test_agreeing_city_and_country_destination_is_explained():
    result = run(claim("a", "release-1", "destination_count", 9, "s1", scope="city-a"),
                 claim("b", "release-1", "destination_count", 9, "s2", scope="country-a"))
    assert [(c.kind, c.status) for c in result.conflicts] == [("place_hierarchy", "explained")]


def test_text_values_are_collected_not_compared():
    result = run(claim("a", "anna-ivanova", "role", "lawyer", "s1"),
                 claim("b", "anna-ivanova", "role", "activist", "s2"))
    assert result.fact("anna-ivanova", "role").value == ("lawyer", "activist")
    assert result.conflicts == []


def test_several_envoys_are_each_kept_with_their_claims_not_a_conflict():
    """One source says who negotiated, another who announced: a release can have several envoys."""
    result = run(claim("a", "release-1", "envoy", "envoy-smith", "s1", mention="Smith"),
                 claim("b", "release-1", "envoy", "anna-ivanova", "s2"),
                 claim("c", "release-1", "envoy", "envoy-smith", "s3"))
    fact = result.fact("release-1", "envoy")
    assert (fact.value, fact.status, fact.shown_claim_ids) == ("envoy-smith", "agreed", ["a", "c"])
    assert fact.claim_ids == ["a", "b", "c"] and fact.several == [["a", "c"], ["b"]]
    [kept] = result.conflicts
    assert (kept.kind, kept.status, kept.severity) == ("several_values", "explained", "info")
    assert kept.values == ["anna-ivanova", "envoy-smith"] and kept.claim_ids == ["a", "b", "c"]
    assert "Anna Ivanova (b: s2)" in kept.description and "John Smith (a, c: s1, s3)" in kept.description


def test_two_sentences_are_two_values_and_a_month_inside_a_year_is_one():
    result = run(claim("a", "anna-ivanova", "sentenced_on", "2021", "s1"),
                 claim("b", "anna-ivanova", "sentenced_on", "2021-05", "s2"),
                 claim("c", "anna-ivanova", "sentenced_on", "2022-03-14", "s3"))
    [kept] = result.conflicts
    assert (kept.kind, kept.status, kept.values) == ("several_values", "explained", ["2021-05", "2022-03-14"])
    assert result.fact("anna-ivanova", "sentenced_on").several == [["a", "b"], ["c"]]
    one = run(claim("a", "anna-ivanova", "sentenced_on", "2021", "s1"),
              claim("b", "anna-ivanova", "sentenced_on", "2021-05", "s2"))
    assert one.conflicts == [] and str(one.fact("anna-ivanova", "sentenced_on").value) == "2021-05"


def test_a_single_valued_property_still_conflicts():
    result = run(claim("a", "release-1", "date", "2025-06-21", "s1"),
                 claim("b", "release-1", "date", "2025-06-22", "s2"))
    assert [(c.kind, c.status) for c in result.conflicts] == [("date", "open")]


def test_the_vocabulary_says_which_properties_hold_one_value_and_why():
    vocab = vocabulary()
    assert {name for name, p in vocab.items() if p.values == "many"} >= {"envoy", "role", "sentenced_on"}
    assert vocab["date"].values == "one" and all(p.why for p in vocab.values())


def test_a_listed_misspelling_is_explained_by_the_registry_and_needs_no_decision():
    smyth = claim("a", "release-1", "envoy", "envoy-smith", "s1", mention="John Smyth")
    smith = claim("b", "release-1", "envoy", "envoy-smith", "s2", mention="John Smith")
    [conflict] = run(smyth, smith).conflicts
    assert (conflict.kind, conflict.status, conflict.source_ids) == ("name", "explained", ["s1"])
    later = claim("c", "release-1", "envoy", "envoy-smith", "s3", mention="John Smyth")
    [conflict] = run(smyth, smith, later).conflicts
    assert (conflict.status, conflict.claim_ids, conflict.unreviewed) == ("explained", ["a", "c"], [])


def test_a_new_claim_joining_a_resolved_conflict_reopens_it_as_unreviewed():
    reviewed = _decision(123, claims=["a", "b"])
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"),
                 claim("c", "release-1", "released_count", 150, "s3"), decisions=[reviewed])
    [conflict] = result.conflicts
    assert (conflict.status, conflict.unreviewed, conflict.resolution) == ("open", ["c"], None)
    assert "c came later and no curator has reviewed them" in conflict.description
    assert result.unmatched_decisions == []


# --- rules -----------------------------------------------------------------------------------

def test_rules_are_registered_by_slug_with_a_one_line_docstring():
    assert set(RULES) == {"destination-sum", "subgroup", "partition-sum", "complete-breakdown", "prisoner-arithmetic",
                          "sanction-dates", "person-destination", "person-dates", "named-people"}
    for slug, function in RULES.items():
        assert function.__doc__ and function.__doc__.strip().splitlines()[0].endswith("."), slug


def test_destinations_that_do_not_add_up_name_the_source():
    result = run(claim("t", "release-1", "released_count", 123, "s1"),
                 claim("u", "release-1", "destination_count", 114, "s1", scope="country-b"),
                 claim("v", "release-1", "destination_count", 8, "s1", scope="city-a"),
                 claim("w", "release-1", "released_count", 123, "s2"),
                 claim("x", "release-1", "destination_count", 114, "s2", scope="country-b"),
                 claim("y", "release-1", "destination_count", 9, "s2", scope="country-a"))
    [rule] = only(result, "sum_rule")
    assert rule.source_ids == ["s1"]
    assert "add up to 122" in rule.description and "123" in rule.description


def test_destinations_that_add_up_pass():
    result = run(claim("t", "release-1", "released_count", 123, "s1"),
                 claim("u", "release-1", "destination_count", 114, "s1", scope="country-b"),
                 claim("v", "release-1", "destination_count", 9, "s1", scope="city-a"))
    assert only(result, "sum_rule") == []


def test_a_single_destination_may_not_exceed_the_total():
    result = run(claim("t", "release-1", "released_count", 100, "s1"),
                 claim("u", "release-1", "destination_count", 114, "s1", scope="country-b"))
    assert [c.source_ids for c in only(result, "sum_rule")] == [["s1"]]


def test_destination_sum_across_sources_uses_curated_values():
    from toolkit.ingest.decisions import Decision
    from toolkit.ingest.models import DecisionEntry

    decide = Decision(DecisionEntry(subject="release-1", property="destination_count", scope="country-a",
                                    value=8, rationale="chosen for the test", decided_by="tests"), "d.yaml", 3)
    result = run(claim("t", "release-1", "released_count", 123, "s1"),
                 claim("u", "release-1", "destination_count", 114, "s2", scope="country-b"),
                 claim("v", "release-1", "destination_count", 8, "s3", scope="country-a"),
                 claim("w", "release-1", "destination_count", 9, "s4", scope="country-a"),
                 decisions=[decide])
    assert result.unmatched_decisions == []
    [rule] = only(result, "sum_rule")
    assert "all sources" in rule.description


def test_a_subgroup_larger_than_its_parent_is_a_conflict():
    result = run(claim("a", "release-1", "released_count", 100, "s1"),
                 claim("b", "release-1", "released_count", 120, "s2", population="political-prisoners"))
    [conflict] = only(result, "subgroup")
    assert (conflict.status, conflict.severity) == ("open", "error")


def test_a_fitting_subgroup_is_explained_with_the_arithmetic():
    result = run(claim("a", "release-1", "destination_count", 114, "s1", scope="country-b"),
                 claim("b", "release-1", "destination_count", 5, "s1", scope="country-b", population="b-nationals"),
                 claim("c", "release-1", "destination_count", 109, "s2", scope="country-b",
                       population="political-prisoners"))
    [explained] = only(result, "subgroup")
    assert explained.status == "explained"
    assert "114 − 5 Country B nationals = 109" in explained.description


def test_nationalities_may_not_add_up_to_more_than_the_total():
    result = run(claim("a", "release-1", "released_count", 10, "s1"),
                 claim("b", "release-1", "released_count", 6, "s2", population="b-nationals"),
                 claim("c", "release-1", "released_count", 6, "s3", population="a-nationals"))
    [conflict] = only(result, "partition_sum")
    assert "at least 12" in conflict.description and "all sources" in conflict.description


def test_a_declared_partition_across_sources_is_bounded_by_each_sources_tightest_figure():
    """5 citizens from one source and 10 foreigners from another exceed the 14 freed a third gives; a fourth
    source's "at least 14" agrees with 14 and bounds nothing from above, so it does not hide the excess."""
    parts = [claim("a", "release-1", "released_count", 5, "s1", population="citizens"),
             claim("b", "release-1", "released_count", 10, "s2", population="foreigners")]
    result = run(*parts, claim("c", "release-1", "released_count", 14, "s3"),
                 claim("d", "release-1", "released_count", 14, "s4", "at_least"))
    [conflict] = only(result, "partition_sum")
    assert conflict.source_ids == ["s1", "s2", "s3", "s4"] and "at least 15" in conflict.description
    assert "citizenship" in conflict.description and "more than the 14 freed" in conflict.description
    only_at_least = run(*parts, claim("d", "release-1", "released_count", 14, "s4", "at_least"))
    assert only(only_at_least, "partition_sum") == []
    fits = run(*parts, claim("c", "release-1", "released_count", 15, "s3"),
               claim("d", "release-1", "released_count", 14, "s4", "at_least"))
    assert only(fits, "partition_sum") == []


def test_prisoners_after_a_release_must_fit_the_arithmetic():
    base = [claim("d", "release-1", "date", "2025-12-13", "s1"),
            claim("p", "release-1", "destination_count", 109, "s1", scope="country-b",
                  population="political-prisoners"),
            claim("b", "country-a", "political_prisoner_count", 1227, "s2", as_of="2025-12-12")]
    broken = run(*base, claim("x", "country-a", "political_prisoner_count", 1200, "s3", "more_than",
                              as_of="2025-12-13"))
    [conflict] = only(broken, "arithmetic")
    assert conflict.source_ids == ["s1", "s2", "s3"]
    assert "at most 1118 could remain" in conflict.description
    fine = run(*base, claim("y", "country-a", "political_prisoner_count", 1100, "s3", "more_than",
                            as_of="2025-12-14"))
    assert only(fine, "arithmetic") == []


def test_a_sanction_lifted_before_it_was_imposed_is_a_conflict():
    result = run(claim("i", "sanction-1", "imposed_on", "2021-08", "s1"),
                 claim("l", "sanction-1", "lifted_on", "2020", "s2"))
    [conflict] = only(result, "date_order")
    assert conflict.claim_ids == ["i", "l"]
    fine = run(claim("i", "sanction-1", "imposed_on", "2021", "s1"),
               claim("l", "sanction-1", "lifted_on", "2021-08", "s2"))
    assert only(fine, "date_order") == []


# --- curator decisions -----------------------------------------------------------------------

def _decision(value, prop="released_count", scope=None, subject="release-1", claims=None):
    from toolkit.ingest.decisions import Decision
    from toolkit.ingest.models import DecisionEntry

    return Decision(DecisionEntry(subject=subject, property=prop, scope=scope, value=value, claims=claims,
                                  rationale="most sources agree", decided_by="tests"), "seeds/decisions.yaml", 7)


def test_a_decision_resolves_a_conflict_and_keeps_the_claims():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"), decisions=[_decision(123)])
    [conflict] = result.conflicts
    assert (conflict.status, conflict.resolution) == ("resolved_by_curator", "123")
    fact = result.fact("release-1", "released_count")
    assert (str(fact.value), fact.status, fact.claim_ids) == ("123", "resolved_by_curator", ["a", "b"])


def test_a_decision_that_matches_no_conflict_is_returned_as_unmatched():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 123, "s2"), decisions=[_decision(123)])
    assert len(result.unmatched_decisions) == 1


def test_a_decision_for_a_value_no_claim_gives_is_refused():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"), decisions=[_decision(140)])
    [(decision, reason)] = result.unmatched_decisions
    assert "140" in reason
    assert result.conflicts[0].status == "open"


def test_a_new_claim_that_agrees_with_the_choice_keeps_it_resolved_and_is_listed_as_unreviewed():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"),
                 claim("c", "release-1", "released_count", 120, "s3", "more_than"),
                 decisions=[_decision(123, claims=["a", "b"])])
    [conflict] = result.conflicts
    assert (conflict.status, conflict.resolution, conflict.unreviewed) == ("resolved_by_curator", "123", ["c"])
    fact = result.fact("release-1", "released_count")
    assert (str(fact.value), fact.status) == ("123", "resolved_by_curator")


def test_a_new_claim_that_disagrees_with_the_choice_reopens_the_conflict():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"),
                 claim("c", "release-1", "released_count", 125, "s3"),
                 decisions=[_decision(123, claims=["a", "b"])])
    [conflict] = result.conflicts
    assert (conflict.status, conflict.unreviewed) == ("open", ["c"])
    assert result.fact("release-1", "released_count").status == "conflict"


def test_a_decision_without_a_value_records_a_review_and_leaves_the_conflict_open():
    result = run(claim("a", "release-1", "released_count", 123, "s1"),
                 claim("b", "release-1", "released_count", 156, "s2"),
                 decisions=[_decision(None, claims=["a", "b"])])
    [conflict] = result.conflicts
    assert (conflict.status, conflict.resolution, conflict.rationale) == ("open", None, "most sources agree (tests)")
    assert result.unmatched_decisions == []


def test_origins_count_independent_voices_not_outlets():
    result = run(claim("a", "release-1", "released_count", 123, "s1", said_by="Agency"),
                 claim("b", "release-1", "released_count", 123, "s2", said_by="Agency"),
                 claim("c", "release-1", "released_count", 123, "s3"))
    fact = result.fact("release-1", "released_count")
    assert (len(fact.sources), len(fact.origins)) == (3, 2)


def test_a_date_given_as_a_release_takes_that_release_date_with_its_qualifier():
    result = run(claim("d", "release-1", "date", "2025-09-11", "s1"),
                 claim("l", "sanction-1", "lifted_on", "release-1", "s2", qualifier="after"),
                 claim("m", "sanction-1", "lifted_on", "2025-09-20", "s3"))
    fact = result.fact("sanction-1", "lifted_on")
    assert (str(fact.value), fact.status) == ("2025-09-20", "agreed")
    early = run(claim("d", "release-1", "date", "2025-09-11", "s1"),
                claim("l", "sanction-1", "lifted_on", "release-1", "s2", qualifier="after"),
                claim("m", "sanction-1", "lifted_on", "2025-09-11", "s3"))
    assert [c.kind for c in early.conflicts] == ["date"]
