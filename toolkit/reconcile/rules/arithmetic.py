"""Stock counts of a place before and after a release are arithmetically consistent."""

from __future__ import annotations

from ...ingest.entities import Registry
from ...values import Count
from ..facts import Conflict, Fact, Reconciliation
from .base import release_date_property, releases, rule


@rule("prisoner-arithmetic")
def prisoner_arithmetic(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A group held in a place after a release ≤ those held before it − the members of it the release freed.

    The vocabulary says which place counts track which group (`group:` of a dated count property,
    e.g. the political prisoners a country holds); the release's counts of that group, or of groups
    inside it, are what it freed."""
    conflicts = []
    date_property = release_date_property(result)
    dated = []
    for release in releases(result, registry):
        date = result.fact(release, date_property) if date_property else None
        if date is not None and date.settled and date.value.width == 0:
            dated.append((date.value.low, release))
    for name, prop in sorted(result.vocabulary.items()):
        if prop.subject != "place" or not prop.group or prop.group not in registry:
            continue
        for place in result.subjects_of_kind("place", registry):
            counts = sorted((f for f in result.subject_facts(place, name) if f.key.as_of and f.settled),
                            key=lambda f: f.key.as_of)
            for day, release in sorted(dated):
                before = [f for f in counts if f.claims[0].as_of.end < day]
                after = [f for f in counts if f.claims[0].as_of.start >= day]
                freed = _freed(result, release, prop.group, registry)
                if not before or not after or freed is None:
                    continue
                conflicts.extend(c for c in (_check_after(place, name, prop.group, before[-1], fact, freed, release,
                                                          registry)
                                             for fact in after) if c)
    return conflicts


def _freed(result: Reconciliation, release: str, group: str, registry: Registry) -> Fact | None:
    """The largest settled lower bound among the release's counts of the group or of groups inside it."""
    root = registry.root_group()
    candidates = [
        f for name, prop in result.vocabulary.items() if prop.subject == "release" and prop.type == "count"
        and prop.population for f in result.subject_facts(release, name) if f.settled
        and (registry.within(f.key.population, group) if f.key.population else group == root)
    ]
    return max(candidates, key=lambda f: (f.value.low, f.key.population or ""), default=None)


def _check_after(place, name, group, before: Fact, after: Fact, freed: Fact, release: str,
                 registry) -> Conflict | None:
    ceiling = before.value.high - freed.value.low
    if after.value.low <= ceiling:
        return None
    counted = registry.get(freed.key.population).name.lower() if freed.key.population else "people"
    held = registry.get(group).name.lower()
    return Conflict(
        subject=place, property=name, kind="arithmetic", severity="error",
        claims=[*before.claims, *freed.claims, *after.claims],
        values=[str(before.value), str(freed.value), str(after.value)],
        description=(
            f"{_speakers(before)} counted {before.value} {held} as of {before.key.as_of}; "
            f"{registry.get(release).name} freed {_at_least(freed.value)} {counted} ({_speakers(freed)}), so at "
            f"most {int(ceiling)} could remain, yet {_speakers(after)} says {after.value} remain as of "
            f"{after.key.as_of}."
        ),
    )


def _at_least(count: Count) -> str:
    return str(count) if count.qualifier != "exact" else f"at least {count.value}"


def _speakers(fact: Fact) -> str:
    return ", ".join(sorted({c.attributed_as or c.source for c in fact.claims}))
