"""Typed claim values: counts as intervals by qualifier, dates with precision.

"More than 100" is the interval [101, inf); 123 is [123, 123]; "about 150" is
[135, 165] (10 %, at least 1). Two counts agree when their intervals overlap.
A date "2025-09" is the interval of days in September 2025; it agrees with
2025-09-11 and not with 2025-11.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

INF = float("inf")
PRECISIONS = {4: "year", 7: "month", 10: "day"}
QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
    "about": "about ",
}


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: str = "exact"

    @property
    def low(self) -> float:
        v, q = self.value, self.qualifier
        if q == "exact" or q == "at_least":
            return v
        if q == "more_than":
            return v + 1
        if q == "about":
            return v - max(1, round(v * 0.1))
        return 0

    @property
    def high(self) -> float:
        v, q = self.value, self.qualifier
        if q == "exact" or q == "at_most":
            return v
        if q == "fewer_than":
            return v - 1
        if q == "about":
            return v + max(1, round(v * 0.1))
        return INF

    @property
    def width(self) -> float:
        return self.high - self.low

    def agrees(self, other: "Count") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        return f"{QUALIFIER_WORDS[self.qualifier]}{self.value}"


@dataclass(frozen=True, slots=True)
class DateValue:
    text: str

    @property
    def precision(self) -> str:
        return PRECISIONS[len(self.text)]

    @property
    def start(self) -> dt.date:
        parts = [int(p) for p in self.text.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def end(self) -> dt.date:
        year, *rest = (int(p) for p in self.text.split("-"))
        if not rest:
            return dt.date(year, 12, 31)
        if len(rest) == 1:
            return dt.date(year, rest[0], calendar.monthrange(year, rest[0])[1])
        return dt.date(year, rest[0], rest[1])

    @property
    def width(self) -> int:
        return (self.end - self.start).days

    def agrees(self, other: "DateValue") -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return self.text


def parse_date(text: str) -> DateValue:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError for impossible dates."""
    if len(text) not in PRECISIONS:
        raise ValueError(f"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    value = DateValue(text)
    value.start  # noqa: B018 - raises ValueError on an impossible month or day
    value.end  # noqa: B018
    return value


def interval_text(low: float, high: float) -> str:
    if low == high:
        return str(int(low))
    if high == INF:
        return f"{int(low)} or more"
    return f"{int(low)}–{int(high)}"
