"""Counts as intervals by qualifier, dates with precision; property-based where it counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import datetime as dt

from toolkit.values import COUNT_QUALIFIERS, DATE_QUALIFIERS, INF, Count, parse_date

qualifiers = st.sampled_from([q for q in COUNT_QUALIFIERS if q != "between"])
counts = st.one_of(
    st.builds(Count, st.integers(min_value=1, max_value=10**6), qualifiers),
    st.builds(lambda low, width: Count(low, "between", low + width), st.integers(min_value=0, max_value=10**6),
              st.integers(min_value=0, max_value=1000)),
)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
dates = st.builds(lambda day, length, qualifier: parse_date(day.isoformat()[:length], qualifier),
                  days, st.sampled_from([4, 7, 10]), st.sampled_from(DATE_QUALIFIERS))


@pytest.mark.parametrize("qualifier,low,high", [
    ("exact", 100, 100), ("at_least", 100, INF), ("more_than", 101, INF),
    ("at_most", 0, 100), ("fewer_than", 0, 99), ("about", 90, 110), ("almost", 90, 99), ("nearly", 90, 99),
])
def test_qualifier_bounds(qualifier, low, high):
    count = Count(100, qualifier)
    assert (count.low, count.high) == (low, high)


def test_almost_1200_is_below_1200_and_a_range_is_its_ends():
    assert Count(1200, "almost").agrees(Count(1190)) and not Count(1200, "almost").agrees(Count(1200))
    assert str(Count(1200, "nearly")) == "nearly 1200"
    between = Count(100, "between", 120)
    assert (between.low, between.high, str(between)) == (100, 120, "between 100 and 120")
    assert between.agrees(Count(120)) and not between.agrees(Count(121))


def test_more_than_100_agrees_with_123_and_156_but_they_disagree():
    assert Count(100, "more_than").agrees(Count(123))
    assert Count(100, "more_than").agrees(Count(156))
    assert not Count(123).agrees(Count(156))
    assert not Count(100, "more_than").agrees(Count(100))
    assert Count(123, "at_least").agrees(Count(123))
    assert not Count(123, "fewer_than").agrees(Count(123))


@given(counts, counts)
def test_agreement_is_symmetric(a, b):
    assert a.agrees(b) == b.agrees(a)


@given(counts)
def test_a_count_agrees_with_itself_and_contains_its_exact_value_or_bound(a):
    assert a.agrees(a)
    assert a.low <= a.high


@given(counts, st.integers(min_value=0, max_value=2 * 10**6))
def test_agreement_means_a_shared_value_exists(a, n):
    # two counts agree exactly when some whole number lies in both intervals
    b = Count(n)
    inside = a.low <= n <= a.high
    assert a.agrees(b) == inside


@given(counts, counts, counts)
def test_pairwise_agreement_of_intervals_implies_a_common_point(a, b, c):
    # Helly's theorem on the line: the group check (max low <= min high) equals all pairs agreeing
    pairwise = a.agrees(b) and b.agrees(c) and a.agrees(c)
    common = max(a.low, b.low, c.low) <= min(a.high, b.high, c.high)
    assert pairwise == common


@given(st.integers(min_value=1, max_value=10**6))
def test_exact_counts_agree_only_when_equal(n):
    assert Count(n).agrees(Count(n))
    assert not Count(n).agrees(Count(n + 1))


def test_dates_agree_by_precision():
    assert parse_date("2025-09").agrees(parse_date("2025-09-11"))
    assert not parse_date("2025-11").agrees(parse_date("2025-09-11"))
    assert parse_date("2025").agrees(parse_date("2025-11"))
    assert parse_date("2024-02").end.day == 29
    assert parse_date("2025-12-13").precision == "day"


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "25-01-01", "2025/01/01", "2025-1"])
def test_impossible_dates_are_rejected(text):
    with pytest.raises(ValueError):
        parse_date(text)


@given(st.dates(), st.dates())
def test_day_dates_agree_only_when_equal(a, b):
    assert parse_date(a.isoformat()).agrees(parse_date(b.isoformat())) == (a == b)


@given(st.dates())
def test_a_month_agrees_with_each_of_its_days(day):
    month = parse_date(day.isoformat()[:7])
    assert month.agrees(parse_date(day.isoformat()))
    assert parse_date(day.isoformat()[:4]).agrees(month)


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("2025-09", "exact", "2025-09-01", "2025-09-30"),
    ("2023-08", "since", "2023-08-01", "2023-08-31"),
    ("2025-09", "before", None, "2025-08-31"),
    ("2025-11", "by", None, "2025-11-30"),
    ("2025-09-11", "after", "2025-09-12", None),
    ("2025-09", "on_or_after", "2025-09-01", None),
])
def test_date_qualifier_bounds(text, qualifier, low, high):
    value = parse_date(text, qualifier)
    assert value.low == (dt.date.fromisoformat(low) if low else dt.date.min)
    assert value.high == (dt.date.fromisoformat(high) if high else dt.date.max)


def test_after_a_release_agrees_with_any_later_date_and_by_november_with_none_after():
    after = parse_date("2025-09-11", "after")
    assert after.agrees(parse_date("2025-09-20")) and after.agrees(parse_date("2026"))
    assert not after.agrees(parse_date("2025-09-11")) and not after.agrees(parse_date("2025-08"))
    by = parse_date("2025-11", "by")
    assert by.agrees(parse_date("2025-11-30")) and not by.agrees(parse_date("2025-12-01"))
    assert str(parse_date("2025-09", "on_or_after")) == "on or after 2025-09"


@given(dates, dates)
def test_date_agreement_is_symmetric_and_reflexive(a, b):
    assert a.agrees(b) == b.agrees(a)
    assert a.agrees(a) and a.low <= a.high


@given(dates, dates, dates)
def test_pairwise_agreement_of_dates_implies_a_common_day(a, b, c):
    pairwise = a.agrees(b) and b.agrees(c) and a.agrees(c)
    common = max(a.low, b.low, c.low) <= min(a.high, b.high, c.high)
    assert pairwise == common


@given(dates, days)
def test_a_qualified_date_agrees_with_a_day_exactly_when_it_allows_that_day(a, day):
    assert a.agrees(parse_date(day.isoformat())) == (a.low <= day <= a.high)
