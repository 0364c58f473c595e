"""Coverage lint: every count and date in an article is cited by a claim or skipped with a reason.

A number or date that no claim's quote covers and no `skipped:` entry explains
is a warning, so a fact stated but not recorded is noticed at review time. The dateline
(where and when the article was filed) and the front matter are the article's own metadata,
recorded in the manifest, and are not asked for. A new source without a URL is an error (one a
release has published before URLs were asked for is not).
"""

from __future__ import annotations

from ..ingest.claims import Ledger
from ..ingest.figures import find_mentions, front_matter
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


def lint_sources(sources: dict[str, Source], released: set[str]) -> list[Issue]:
    """Where a source appeared: an error for a source no release has published yet without its URL (a
    reader cannot open the article; never guessed, so it is the contributor's to give), and a warning
    for front matter in the article file that the manifest contradicts."""
    issues = []
    for source_id, source in sorted(sources.items()):
        entry, where = source.entry, dict(file="seeds/manifest.yaml", line=source.manifest_line)
        front = front_matter(source.text).fields
        for key, said in sorted(front.items()):
            given = getattr(entry, key)
            if given is not None and str(given) != said:
                issues.append(Issue("front-matter-mismatch", f"{source_id}: the article's front matter gives {key} "
                                    f"{said!r}, the manifest {str(given)!r}", severity="warning", field=key,
                                    value=str(given), hint="make them agree (the front matter is as the article was "
                                                           "saved)", **where))
        if entry.url is None and source_id not in released:
            issues.append(Issue("missing-url", f"{source_id} has no url: readers cannot open the article it quotes, "
                                "and a new source needs one", severity="error", field="url",
                                hint=f"add `    url: https://...` to the entry `- id: {source_id}` (seeds/manifest.yaml "
                                     f"line {source.manifest_line}), or `url:` to the article's front matter",
                                **where))
    return issues


def released_sources(project) -> set[str]:
    """The ids of the sources the latest release published (none before the first release)."""
    import csv

    from ..packagefiles import latest_version, read_index

    try:
        latest = latest_version(read_index(project.releases_dir))
    except Exception:  # a damaged index is the release command's to report; here nothing counts as released
        return set()
    table = project.releases_dir / str(latest) / "data" / "sources.csv"
    if latest is None or not table.is_file():
        return set()
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["source_id"] for row in csv.DictReader(handle) if row.get("source_id")}
