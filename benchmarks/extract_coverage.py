"""Measure `prisoner-data extract` against the curated ledger: the share of ledger counts the draft finds.

A ledger count is found when the draft has a count claim with the same number whose
quote overlaps the ledger claim's quote in the article.

    .venv/bin/python benchmarks/extract_coverage.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(root: Path = ROOT) -> dict[str, tuple[int, int]]:
    """source id -> (ledger counts found by the draft, ledger counts)."""
    from toolkit.ingest.claims import load_claims, load_vocabulary
    from toolkit.ingest.entities import load_registry
    from toolkit.contribute.extract import draft_claims
    from toolkit.project import open_project
    from toolkit.report import Report
    from toolkit.ingest.sources import load_sources
    from toolkit.values import Count

    project, report = open_project(root), Report()
    sources = load_sources(project, report)
    registry = load_registry(project, report)
    ledger = load_claims(project, sources, registry, load_vocabulary(project, report), report)
    results = {}
    for source_id, source in sorted(sources.items()):
        text = source.text
        year = int(source.entry.published[:4])
        drafted = [(d.value, _span(text, d.quote)) for d in draft_claims(text, registry, year)
                   if isinstance(d.value, int)]
        counts = [c for c in ledger.claims if c.source == source_id and isinstance(c.value, Count)]
        found = sum(any(v == c.value.value and _overlap(s, _span(text, c.quote)) for v, s in drafted) for c in counts)
        results[source_id] = (found, len(counts))
    return results


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    return start, start + len(quote)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    results = measure()
    total_found = sum(f for f, _ in results.values())
    total = sum(n for _, n in results.values())
    for source_id, (found, count) in results.items():
        print(f"{source_id:<26} {found:>3}/{count:<3} {found / count:6.1%}")
    print(f"{'all articles':<26} {total_found:>3}/{total:<3} {total_found / total:6.1%}")


if __name__ == "__main__":
    main()
