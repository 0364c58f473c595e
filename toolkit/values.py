"""Typed claim values: counts and dates as intervals, by qualifier.

Counts: "more than 100" is [101, inf); 123 is [123, 123]; "about 150" is [135, 165] (10 %, at
least 1); "almost 1,200" (or "nearly") is [1080, 1199]: below the figure, by at most 10 %;
"between 100 and 120" is [100, 120]. Two counts agree when their intervals overlap.

Dates: "2025-09" is the interval of days in September 2025; it agrees with 2025-09-11 and not
with 2025-11. A date may be qualified like a count:
  exact        the period itself            2025-09      -> 2025-09-01 .. 2025-09-30
  since        the period a state began in  2023-08      -> 2023-08-01 .. 2023-08-31
  before       strictly before the period   2025-09      -> .. 2025-08-31
  by           no later than its end        2025-11      -> .. 2025-11-30
  after        strictly after the period    2025-09-11   -> 2025-09-12 ..
  on_or_after  from its start on            2025-09      -> 2025-09-01 ..
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

INF = float("inf")
PRECISIONS = {4: "year", 7: "month", 10: "day"}
COUNT_QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "fewer_than", "about", "almost", "nearly",
                    "between")
DATE_QUALIFIERS = ("exact", "since", "before", "by", "after", "on_or_after")
QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
    "about": "about ",
    "almost": "almost ",
    "nearly": "nearly ",
    "between": "between ",
    "since": "since ",
    "before": "before ",
    "by": "by ",
    "after": "after ",
    "on_or_after": "on or after ",
}
QUALIFIER_MEANINGS = {
    ("count", "exact"): "the number itself",
    ("count", "at_least"): "that number or more",
    ("count", "more_than"): "more than the number",
    ("count", "at_most"): "that number or fewer",
    ("count", "fewer_than"): "fewer than the number",
    ("count", "about"): "within 10 % of the number (at least 1) either way",
    ("count", "almost"): "below the number, by at most 10 % (at least 1)",
    ("count", "nearly"): "the same as almost",
    ("count", "between"): "a range: from the number to the upper bound, both included",
    ("date", "exact"): "any day of the period written (a year, a month or a day)",
    ("date", "since"): "the state began in that period",
    ("date", "before"): "strictly before the period",
    ("date", "by"): "no later than the last day of the period",
    ("date", "after"): "strictly after the period",
    ("date", "on_or_after"): "from the first day of the period on",
}
"""What each qualifier means; the data dictionary is generated from it."""
DAY = dt.timedelta(days=1)


def _margin(value: int) -> int:
    return max(1, round(value * 0.1))


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: str = "exact"
    upper: int | None = None
    """The top of a range ("between 100 and 120"); None otherwise."""

    @property
    def low(self) -> float:
        v, q = self.value, self.qualifier
        if q in ("exact", "at_least", "between"):
            return v
        if q == "more_than":
            return v + 1
        if q == "about":
            return max(0, v - _margin(v))
        if q in ("almost", "nearly"):
            return max(0, v - _margin(v))
        return 0

    @property
    def high(self) -> float:
        v, q = self.value, self.qualifier
        if q in ("exact", "at_most"):
            return v
        if q == "between":
            return self.upper
        if q == "fewer_than":
            return v - 1
        if q == "about":
            return v + _margin(v)
        if q in ("almost", "nearly"):
            return max(0, v - 1)
        return INF

    @property
    def width(self) -> float:
        return self.high - self.low

    def agrees(self, other: "Count") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        if self.qualifier == "between":
            return f"between {self.value} and {self.upper}"
        return f"{QUALIFIER_WORDS[self.qualifier]}{self.value}"


@dataclass(frozen=True, slots=True)
class DateValue:
    text: str
    qualifier: str = "exact"

    @property
    def precision(self) -> str:
        return PRECISIONS[len(self.text)]

    @property
    def start(self) -> dt.date:
        """First day of the period the text names."""
        parts = [int(p) for p in self.text.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def end(self) -> dt.date:
        """Last day of the period the text names."""
        year, *rest = (int(p) for p in self.text.split("-"))
        if not rest:
            return dt.date(year, 12, 31)
        if len(rest) == 1:
            return dt.date(year, rest[0], calendar.monthrange(year, rest[0])[1])
        return dt.date(year, rest[0], rest[1])

    @property
    def low(self) -> dt.date:
        """Earliest day the claim allows."""
        q = self.qualifier
        if q in ("before", "by"):
            return dt.date.min
        if q == "after":
            return self.end + DAY if self.end < dt.date.max else self.end
        return self.start

    @property
    def high(self) -> dt.date:
        """Latest day the claim allows."""
        q = self.qualifier
        if q == "before":
            return self.start - DAY if self.start > dt.date.min else self.start
        if q in ("after", "on_or_after"):
            return dt.date.max
        return self.end

    @property
    def width(self) -> int:
        return (self.high - self.low).days

    def agrees(self, other: "DateValue") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        return f"{QUALIFIER_WORDS[self.qualifier]}{self.text}"


def parse_date(text: str, qualifier: str = "exact") -> DateValue:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError for impossible dates."""
    if not isinstance(text, str) or len(text) not in PRECISIONS:
        raise ValueError(f"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    value = DateValue(text, qualifier)
    value.start  # noqa: B018 - raises ValueError on an impossible month or day
    value.end  # noqa: B018
    return value


def interval_text(low: float, high: float) -> str:
    if low == high:
        return str(int(low))
    if high == INF:
        return f"{int(low)} or more"
    return f"{int(low)}–{int(high)}"
