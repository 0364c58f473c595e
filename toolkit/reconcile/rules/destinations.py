"""Destination counts of a release add up to its total."""

from __future__ import annotations

from collections import defaultdict

from ...ingest.claims import Claim
from ...ingest.entities import Registry
from ...values import interval_text
from ..facts import Conflict, Fact, Reconciliation
from .base import narrowest, releases, rule


@rule("destination-sum")
def destination_sum(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """Destination counts of a release sum to its total: per source, then across sources."""
    conflicts = []
    for release in releases(result, registry):
        totals = [c for f in result.subject_facts(release, "released_count") if f.key.population is None for c in f.claims]
        parts = [f for f in result.subject_facts(release, "destination_count") if f.key.population is None]
        by_source: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
        for fact in parts:
            for claim in fact.claims:
                by_source[claim.source][fact.key.scope].append(claim)
        exact_totals: dict[str, list[Claim]] = defaultdict(list)
        for claim in totals:
            if claim.value.width == 0:
                exact_totals[claim.source].append(claim)
        for source in sorted(by_source):
            exact = exact_totals.get(source, [])
            split = {place: narrowest(cs) for place, cs in by_source[source].items()}
            conflict = _check_split(release, split, exact, registry, f"{source}'s own figures")
            if conflict:
                conflicts.append(conflict)
        conflicts.extend(_check_across(result, release, parts, registry))
    return conflicts


def _check_split(release, split: dict[str, Claim], totals: list[Claim], registry, whose: str) -> Conflict | None:
    if not split or not totals:
        return None
    low = sum(c.value.low for c in split.values())
    high = sum(c.value.high for c in split.values())
    # Two or more destinations describe a split of everyone freed: it must add up.
    # A single destination is only checked not to exceed the total.
    if len(split) >= 2:
        ok = any(t.value.low <= high and low <= t.value.high for t in totals)
    else:
        ok = any(low <= t.value.high for t in totals)
    if ok:
        return None
    terms = " + ".join(f"{registry.get(place).name} {c.value}" for place, c in sorted(split.items()))
    total_text = " or ".join(sorted({str(t.value) for t in totals}))
    verb = "add up to" if len(split) >= 2 else "exceed the total with"
    return Conflict(
        subject=release, property="destination_count", kind="sum_rule", severity="error",
        claims=[*split.values(), *totals], values=[interval_text(low, high), total_text],
        description=f"In {whose}, the destinations of {registry.get(release).name} {verb} "
                    f"{interval_text(low, high)} ({terms}), but the total given is {total_text}.",
    )


def _check_across(result: Reconciliation, release: str, parts: list[Fact], registry) -> list[Conflict]:
    total = result.fact(release, "released_count")
    if total is None or not total.settled or len(parts) < 2 or not all(f.settled for f in parts):
        return []
    if len({c.source for f in [total, *parts] for c in f.claims}) < 2:
        return []  # one source's figures: its own check above already speaks for them
    split = {f.key.scope: _settled_claim(f) for f in parts}
    conflict = _check_split(release, split, [_settled_claim(total)], registry, "the resolved figures of all sources")
    return [conflict] if conflict else []


def _settled_claim(fact: Fact) -> Claim:
    return next(c for c in sorted(fact.claims, key=lambda c: c.id) if c.value == fact.value)
