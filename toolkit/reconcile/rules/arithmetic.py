"""Political prisoner counts before and after a release are arithmetically consistent."""

from __future__ import annotations

from ...ingest.entities import Registry
from ...values import Count
from ..facts import Conflict, Fact, Reconciliation
from . import _releases, rule


@rule("prisoner-arithmetic")
def prisoner_arithmetic(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """Political prisoners after a release ≤ those before it − political prisoners it freed."""
    conflicts = []
    releases = [(r, result.fact(r, "date")) for r in _releases(result, registry)]
    dated = sorted((d.value.start, r) for r, d in releases if d is not None and d.settled and d.value.width == 0)
    for place in sorted(s for s in result.by_subject if registry.kind(s) == "place"):
        counts = sorted(
            (f for f in result.subject_facts(place, "political_prisoner_count") if f.key.as_of and f.settled),
            key=lambda f: f.key.as_of,
        )
        for day, release in dated:
            before = [f for f in counts if f.claims[0].as_of.end < day]
            after = [f for f in counts if f.claims[0].as_of.start >= day]
            if not before or not after:
                continue
            freed = _political_prisoners_freed(result, release, registry)
            if freed is None:
                continue
            latest = before[-1]
            for fact in after:
                conflict = _check_after(place, latest, fact, freed, release, registry)
                if conflict:
                    conflicts.append(conflict)
    return conflicts


def _political_prisoners_freed(result: Reconciliation, release: str, registry) -> Fact | None:
    """The largest settled lower bound among the release's counts of political prisoners."""
    candidates = [
        f for prop in ("released_count", "destination_count") for f in result.subject_facts(release, prop)
        if f.key.population and registry.within(f.key.population, "political-prisoners") and f.settled
    ]
    return max(candidates, key=lambda f: (f.value.low, f.key.population), default=None)


def _check_after(place, before: Fact, after: Fact, freed: Fact, release: str, registry) -> Conflict | None:
    ceiling = before.value.high - freed.value.low
    if after.value.low <= ceiling:
        return None
    claims = [*before.claims, *freed.claims, *after.claims]
    return Conflict(
        subject=place, property="political_prisoner_count", kind="arithmetic", severity="error",
        claims=claims, values=[str(before.value), str(freed.value), str(after.value)],
        description=(
            f"{_speakers(before)} counted {before.value} political prisoners as of {before.key.as_of}; "
            f"{registry.get(release).name} freed {_at_least(freed.value)} {registry.get(freed.key.population).name.lower()} "
            f"({_speakers(freed)}), so at most {int(ceiling)} could remain, yet {_speakers(after)} "
            f"says {after.value} remain as of {after.key.as_of}."
        ),
    )


def _at_least(count: Count) -> str:
    return str(count) if count.qualifier != "exact" else f"at least {count.value}"


def _speakers(fact: Fact) -> str:
    return ", ".join(sorted({c.attributed_as or c.source for c in fact.claims}))
