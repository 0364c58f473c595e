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


def test_the_role_before_a_name_is_read_from_the_words_before_it_not_from_the_line_start(monkeypatch):
    """A long line of names (one sentence) read each name's title from the line's start: the square of its
    length. The title is the last words before the name, so reading them from a bounded reach finds the same."""
    from toolkit.contribute.extract import names

    line = "Belarus freed these prisoners: " + ", ".join(
        f"{'opposition leader ' if i % 3 == 0 else 'Journalist ' if i % 3 == 1 else ''}Ales Testau{i}" for i in range(1200))
    starts = [m.start() for m in re.finditer(r"Ales Testau\d+", line)]
    bounded = [names._role_before(line, s) for s in starts]
    monkeypatch.setattr(names, "ROLE_REACH", len(line) + 1)  # the whole line, as before
    whole = [names._role_before(line, s) for s in starts]
    assert bounded == whole
    assert {r for r, _ in bounded} == {"opposition leader", "journalist", None}
    assert len(line) > 10 * 1000  # longer than the reach many times over
