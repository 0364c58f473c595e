"""Coverage lint: every count and date in an article is cited by a claim or skipped with a reason.

A number or date that no claim's quote covers and no `skipped:` entry explains
is a warning, so a fact stated but not recorded is noticed at review time.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..ingest.claims import Ledger
from .extract import find_counts, find_dates
from ..report import Issue
from ..ingest.sources import Source


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
        dates = find_dates(text)
        for mention in sorted(find_counts(text, dates) + dates, key=lambda m: m.start):
            if covered.contains(mention.start, mention.end):
                continue
            issues.append(Issue(
                "uncited-figure", f"{mention.kind} '{mention.text}' is not cited by any claim of {source_id}",
                severity="warning", file=f"seeds/{source.entry.path}", line=mention.line, value=mention.text,
                hint=f"record it as a claim in seeds/claims/{source_id}.yaml, or list it under skipped: with a reason",
            ))
    return issues
