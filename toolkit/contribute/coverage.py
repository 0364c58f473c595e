"""Coverage lint: every count and date in an article is cited by a claim or skipped with a reason.

A number or date that no claim's quote covers and no `skipped:` entry explains
is a warning, so a fact stated but not recorded is noticed at review time. The dateline
(where and when the article was filed) is the article's own metadata, recorded in the
manifest, and is not asked for.
"""

from __future__ import annotations

from ..ingest.claims import Ledger
from ..ingest.figures import find_mentions
from ..ingest.sources import Source
from ..report import Issue
from ..values import parse_date


def lint_coverage(sources: dict[str, Source], ledger: Ledger) -> list[Issue]:
    """One warning per count or date of an article that nothing cites or skips.

    For an article with a claims file, loading the claims found what its quotes leave uncited
    (`Ledger.uncited`); an article without one has every count and date uncited."""
    issues = []
    for source_id, source in sorted(sources.items()):
        left = ledger.uncited.get(source_id)
        if left is None:
            left = find_mentions(source.text, _anchor(source)).citable
        for kind, mention in left:
            issues.append(Issue(
                "uncited-figure", f"{kind} '{mention.text}' is not cited by any claim of {source_id}",
                severity="warning", file=f"seeds/{source.entry.path}", line=source.line_of(mention.start),
                value=mention.text,
                hint=f"record it as a claim in seeds/claims/{source_id}.yaml, or list it under skipped: with a reason",
            ))
    return issues


def _anchor(source: Source):
    try:
        return parse_date(str(source.entry.published)) if source.entry.published else None
    except ValueError:
        return None
