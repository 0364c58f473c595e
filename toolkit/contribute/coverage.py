"""Coverage lint: every count and date in an article is cited by a claim or skipped with a reason.

A number or date that no claim's quote covers and no `skipped:` entry explains
is a warning, so a fact stated but not recorded is noticed at review time. The dateline
(where and when the article was filed) is the article's own metadata, recorded in the
manifest, and is not asked for.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..ingest.claims import Ledger
from ..ingest.sources import Source
from ..report import Issue
from ..values import parse_date
from ..ingest.figures import find_dateline, find_dates, find_figures


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


class _Cover:
    """Spans of quoted text; answers "is [start, end) inside one of them" in log time."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # furthest end among spans so far

    def contains(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end


def lint_coverage(sources: dict[str, Source], ledger: Ledger, project_rel=str) -> list[Issue]:
    """One warning per count or date of an article that nothing cites or skips."""
    quotes: dict[str, set[str]] = {}
    for claim in ledger.claims:
        quotes.setdefault(claim.source, set()).add(claim.quote)
    for skipped in ledger.skipped:
        quotes.setdefault(skipped.source, set()).add(skipped.quote)
    issues = []
    for source_id, source in sorted(sources.items()):
        text = source.text
        covered = _Cover([span for quote in quotes.get(source_id, ()) for span in _spans(text, quote)])
        dateline = find_dateline(text)
        dates = find_dates(text, _anchor(source))
        figures = find_figures(text, dates)
        dates = [d for d in dates if not d.relative]  # "today", "on Saturday": asked for only where written as dates
        for kind, mention in sorted([("date", d) for d in dates] + [("count", f) for f in figures],
                                    key=lambda m: m[1].start):
            if covered.contains(mention.start, mention.end) or \
                    (dateline and dateline.start <= mention.start < dateline.end):
                continue
            issues.append(Issue(
                "uncited-figure", f"{kind} '{mention.text}' is not cited by any claim of {source_id}",
                severity="warning", file=f"seeds/{source.entry.path}", line=text.count("\n", 0, mention.start) + 1,
                value=mention.text,
                hint=f"record it as a claim in seeds/claims/{source_id}.yaml, or list it under skipped: with a reason",
            ))
    return issues


def _anchor(source: Source):
    try:
        return parse_date(str(source.entry.published)) if source.entry.published else None
    except ValueError:
        return None
