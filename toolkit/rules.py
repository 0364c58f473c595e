"""Cross-field rules, each a small function registered under its slug.

A rule reads the grouped facts of a Reconciliation and returns conflicts. Adding
a rule is adding one decorated function here.

- destination-sum: a release's destination counts add up to its total, per
  source (naming the source whose figures do not add up) and across sources;
- subgroup: a count restricted to a population fits inside its parent count;
- prisoner-arithmetic: political prisoners after a release are at most those
  before it less the political prisoners it freed;
- sanction-dates: a sanction is lifted on or after it was imposed.
"""

from __future__ import annotations

from collections import defaultdict

from .claims import Claim
from .entities import Registry
from .reconcile import Conflict, Fact, Reconciliation, value_text
from .values import Count, interval_text

RULES = {}


def rule(slug: str):
    def register(func):
        RULES[slug] = func
        return func

    return register


def _releases(result: Reconciliation, registry: Registry) -> list[str]:
    return sorted(s for s in result.by_subject if registry.kind(s) == "release")


def _narrowest(claims: list[Claim]) -> Claim:
    return min(claims, key=lambda c: (c.value.width, c.id))


@rule("destination-sum")
def destination_sum(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """Destination counts of a release sum to its total: per source, then across sources."""
    conflicts = []
    for release in _releases(result, registry):
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
            split = {place: _narrowest(cs) for place, cs in by_source[source].items()}
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
    split = {f.key.scope: _settled_claim(f) for f in parts}
    conflict = _check_split(release, split, [_settled_claim(total)], registry, "the resolved figures of all sources")
    return [conflict] if conflict else []


def _settled_claim(fact: Fact) -> Claim:
    return next(c for c in sorted(fact.claims, key=lambda c: c.id) if c.value == fact.value)


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


@rule("sanction-dates")
def sanction_dates(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A sanction is lifted on or after it was imposed."""
    conflicts = []
    for sanction in sorted(s for s in result.by_subject if registry.kind(s) == "sanction"):
        imposed = result.fact(sanction, "imposed_on")
        lifted = result.fact(sanction, "lifted_on")
        if imposed is None or lifted is None:
            continue
        latest_imposed = max(imposed.claims, key=lambda c: c.value.start)
        for claim in lifted.claims:
            if claim.value.end < latest_imposed.value.start:
                conflicts.append(Conflict(
                    subject=sanction, property="lifted_on", kind="date_order", severity="error",
                    claims=[claim, latest_imposed], values=[str(latest_imposed.value), str(claim.value)],
                    description=f"{claim.source} dates the lifting of {registry.get(sanction).name} to "
                                f"{claim.value}, before it was imposed ({latest_imposed.value}, {latest_imposed.source}).",
                ))
    return conflicts

