"""extract stays linear in the length of an article: each per-sentence step looks only near where it is
(a 1 MB article dense with figures took 65 times a 100 KB one; benchmarks/bench_article_scaling.py)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from toolkit.contribute.extract import _ByStart, text
from toolkit.contribute.extract.context import Context

LINE = ("Mr. Dumyy met the U.S. envoy on Sept. 5 in Testgrad. The council freed 12 detainees. "
        "Dr. Mockwell said 3 more would follow. ") * 200


def test_a_full_stop_is_checked_for_an_abbreviation_only_in_the_characters_before_it(monkeypatch):
    spans, pattern = [], text.ABBREVIATION

    class Recording:
        def search(self, string, pos, endpos):
            spans.append(endpos - pos)
            return pattern.search(string, pos, endpos)

    expected = [(s, e) for s, e in _unbounded(LINE)]
    monkeypatch.setattr(text, "ABBREVIATION", Recording())
    monkeypatch.setattr(text, "ABBREVIATION_REACH", 8)
    found = text._split_line(LINE)
    assert found == expected and len(found) == 600  # the same sentences ("Mr.", "U.S.", "Sept." end none)
    assert spans and max(spans) <= 8  # a window, not the line so far


def _unbounded(line: str) -> list[tuple[int, int]]:
    """The sentences as a search from the line's start finds them (the quadratic reference)."""
    pieces, start = [], 0
    for match in text.ENDING.finditer(line):
        if line[match.start()] == "." and text.ABBREVIATION.search(line, 0, match.start()):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    return [(s + len(line[s:e]) - len(line[s:e].lstrip()), e - (len(line[s:e]) - len(line[s:e].rstrip())))
            for s, e in pieces if line[s:e].strip()]


@dataclass
class Item:
    start: int


def test_what_a_sentence_holds_is_found_by_bisection_in_the_items_own_order():
    rng = random.Random(7)
    items = [Item(rng.randrange(10_000)) for _ in range(2_000)]  # not in text order, with ties
    index = _ByStart(items)
    for _ in range(300):
        start = rng.randrange(10_000)
        end = start + rng.randrange(200)
        assert index.within(start, end) == [i for i in items if start <= i.start < end]


def test_line_numbers_are_the_line_breaks_before_an_offset():
    rng = random.Random(3)
    article = "".join(rng.choice("ab \n") for _ in range(5_000))
    context = Context(text=article, registry=None, properties={}, names=[], figures=[], dates=[], anchor=None,
                      release_dates={}, release_totals={}, sanction_targets={})
    for offset in range(0, len(article), 37):
        assert context.line(offset) == article.count("\n", 0, offset) + 1
    assert re.search("\n", article)  # the article has line breaks to count
