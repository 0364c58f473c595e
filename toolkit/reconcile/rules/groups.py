"""Counts of groups fit inside the counts of the groups that contain them."""

from __future__ import annotations

from ...ingest.entities import Registry
from ...values import Count, interval_text
from ..facts import Conflict, Fact, Reconciliation, value_text
from . import _releases, rule


@rule("subgroup")
def subgroup(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A count restricted to a population fits inside the count it is part of."""
    conflicts = []
    for release in _releases(result, registry):
        for prop in ("released_count", "destination_count"):
            facts = result.subject_facts(release, prop)
            parents = {f.key.scope: f for f in facts if f.key.population is None}
            for fact in facts:
                parent = parents.get(fact.key.scope)
                if fact.key.population is None or parent is None:
                    continue
                conflicts.extend(_check_subgroup(fact, parent, facts, registry))
        conflicts.extend(_check_nationality_sum(result, release, registry))
    return conflicts


def _check_subgroup(fact: Fact, parent: Fact, siblings: list[Fact], registry) -> list[Conflict]:
    group = registry.get(fact.key.population)
    sub_low = min(c.value.low for c in fact.claims)
    parent_high = max(c.value.high for c in parent.claims)
    claims = [*fact.claims, *parent.claims]
    values = sorted({value_text(c.value) for c in claims})
    where = f" sent to {registry.get(fact.key.scope).name}" if fact.key.scope else ""
    if sub_low > parent_high:
        return [Conflict(
            subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope,
            population=fact.key.population, kind="subgroup", severity="error", claims=claims, values=values,
            description=f"{group.name}{where} number at least {int(sub_low)}, more than the "
                        f"{interval_text(0, parent_high)} people{where} in all.",
        )]
    if group.nationality:
        return []  # a nationality is plainly a part; nothing a reader could mistake
    return [Conflict(
        subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope,
        population=fact.key.population, kind="subgroup", severity="info", status="explained",
        claims=claims, values=values,
        description=f"{_join(fact)} counts {group.name.lower()}{where}, a part of the "
                    f"{_join(parent)} freed{where}; the figures differ because they count different people."
                    + _remainder(fact, parent, siblings, registry),
    )]


def _join(fact: Fact) -> str:
    return " / ".join(sorted({value_text(c.value) for c in fact.claims}))


def _remainder(fact: Fact, parent: Fact, siblings: list[Fact], registry) -> str:
    """Name another subgroup that accounts exactly for the difference, if the claims allow."""
    if not (isinstance(fact.value, Count) and isinstance(parent.value, Count)):
        return ""
    if fact.value.width or parent.value.width:
        return ""
    gap = parent.value.value - fact.value.value
    for other in siblings:
        if other is fact or other.key.population in (None, fact.key.population) or other.key.scope != fact.key.scope:
            continue
        if isinstance(other.value, Count) and other.value.width == 0 and other.value.value == gap:
            name = registry.get(other.key.population).name
            return f" {parent.value.value} − {other.value.value} {name} = {fact.value.value}."
    return ""


def _check_nationality_sum(result: Reconciliation, release: str, registry) -> list[Conflict]:
    total = result.fact(release, "released_count")
    nationals = [
        f for f in result.subject_facts(release, "released_count")
        if f.key.population and registry.get(f.key.population).nationality and f.settled
    ]
    if total is None or len(nationals) < 2:
        return []
    low = sum(f.value.low for f in nationals)
    high = max(c.value.high for c in total.claims)
    if low <= high:
        return []
    claims = [c for f in nationals for c in f.claims] + list(total.claims)
    return [Conflict(
        subject=release, property="released_count", kind="subgroup", severity="error", claims=claims,
        values=[str(int(low)), interval_text(0, high)],
        description=f"The nationalities counted among those freed add up to at least {int(low)}, "
                    f"more than the {interval_text(0, high)} freed in all.",
    )]
