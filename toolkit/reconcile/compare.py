"""Compare the claims of one fact: counts and dates as intervals, entities through the hierarchy.

Each comparison sets the fact's resolved value and status and returns a
Conflict when the claims disagree (or an explained difference, status
`explained`, when a rule of the registry accounts for it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..ingest.claims import Claim
from ..ingest.entities import Registry
from ..ingest.models import PropertyDef
from ..values import DateValue
from .facts import (
    STATUS_AGREED,
    STATUS_CONFLICT,
    STATUS_SINGLE,
    Conflict,
    Fact,
    entity_name,
    fact_label,
    severity_of,
    value_text,
    voice,
)


def compare_fact(fact: Fact, prop: PropertyDef, registry: Registry) -> Conflict | None:
    """Set the fact's value and status from its claims; the conflict (or explained difference), if any."""
    if prop.ages:
        return _compare_ages(fact, registry)
    compare = {"count": _compare_intervals, "date": _compare_intervals, "entity": _compare_entities}
    if prop.values == "many" and prop.type in compare:
        values = _distinct_values(fact.claims, prop.type, registry)
        if len(values) > 1:
            return _several_values(fact, values, prop, registry)
    return compare.get(prop.type, _collect_texts)(fact, registry)


def _distinct_values(claims: list[Claim], kind: str, registry: Registry) -> list[list[Claim]]:
    """The claims of a property that can hold several values, one list per value they give.

    Counts and dates: claims whose ranges all share a point give one value ("2021" and "May 2021"), and
    ranges apart are values apart (sorted by their start, each joins the value whose common range it
    reaches). Entities: one value per entity, unless they all lie on one chain of the hierarchy."""
    if kind == "entity":
        values = sorted({c.value for c in claims})
        specific = max(values, key=lambda v: (len(registry.ancestors(v)), v))
        if all(registry.within(specific, v) for v in values):
            return [list(claims)]
        return [[c for c in claims if c.value == value] for value in values]
    groups: list[list[Claim]] = []
    ceiling = None
    for claim in sorted(claims, key=lambda c: (c.value.low, c.value.high, c.id)):
        if groups and claim.value.low <= ceiling:
            groups[-1].append(claim)
            ceiling = min(ceiling, claim.value.high)
        else:
            groups.append([claim])
            ceiling = claim.value.high
    return groups


def _several_values(fact: Fact, values: list[list[Claim]], prop: PropertyDef, registry: Registry) -> Conflict:
    """Values that can all be true (two envoys, two sentences): each kept with its claims, none a rival.

    The resolved columns show the value with the most independent origins behind it (then the earliest
    claim), with its own claims; the explained row lists every value with its claims and sources."""
    ranked = sorted(values, key=lambda g: (-len({c.origin for c in g}), min(c.id for c in g)))
    shown = ranked[0]
    fact.value = min((c.value for c in shown), key=lambda v: (getattr(v, "width", 0), str(v)))
    fact.support = shown
    fact.status = STATUS_AGREED if len({c.source for c in shown}) > 1 else STATUS_SINGLE
    fact.several = [sorted(c.id for c in group) for group in ranked]
    parts = []
    for group in sorted(ranked, key=lambda g: _shown_text(g, registry)):
        voices = ", ".join(dict.fromkeys(voice(c) for c in sorted(group, key=lambda c: c.id)))
        parts.append(f"{_shown_text(group, registry)} ({', '.join(sorted(c.id for c in group))}: {voices})")
    why = f" ({prop.why.rstrip('.')})" if prop.why else ""
    return Conflict(
        subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope, population=fact.key.population,
        kind="several_values", severity="info", status="explained", claims=list(fact.claims),
        values=sorted({_value_of(g) for g in ranked}),
        description=f"Sources give several values of {fact_label(fact.key, registry)}, each kept with its claims: "
                    + "; ".join(parts) + f". The property can hold more than one true value{why}, so they are "
                    "not rival answers.",
    )


def _value_of(group: list[Claim]) -> str:
    return value_text(min((c.value for c in group), key=lambda v: (getattr(v, "width", 0), str(v))))


def _shown_text(group: list[Claim], registry: Registry) -> str:
    value = min((c.value for c in group), key=lambda v: (getattr(v, "width", 0), str(v)))
    return entity_name(value, registry) if isinstance(value, str) else str(value)


def _set_status(fact: Fact) -> None:
    fact.status = STATUS_AGREED if len(fact.sources) > 1 else STATUS_SINGLE


def _compare_intervals(fact: Fact, registry: Registry) -> Conflict | None:
    """Counts and dates: agreed when every claim's interval shares a point with every other."""
    claims = fact.claims
    lows, highs = zip(*(_bounds(c.value) for c in claims))
    if max(lows) <= min(highs):
        fact.value = min((c.value for c in claims), key=lambda v: (v.width, str(v)))
        _set_status(fact)
        return _scope_explained(fact, registry)
    fact.status = STATUS_CONFLICT
    return _value_conflict(fact, "date" if isinstance(claims[0].value, DateValue) else "value", registry)


def _bounds(value) -> tuple:
    """A count's or a date's interval as (low, high), qualifiers applied."""
    return value.low, value.high


def _compare_ages(fact: Fact, registry: Registry) -> Conflict | None:
    """Ages said on different dates agree when one birth date fits them all.

    An age A on day D puts the birthday in (D - (A+1) years, D - A years]; a qualified age or a
    date given as a month widens that window. The claims agree when their windows overlap, which
    compares "46 now" with "43 when convicted four years earlier" through the years between them.
    The value shown is the latest one, with the date it holds on.
    """
    earliest, latest = dt.date.min, dt.date.max
    for claim in fact.claims:
        said = claim.as_of or claim.said_on
        born_after = _years_before(said.low, claim.value.high + 1)
        born_by = _years_before(said.high, claim.value.low)
        earliest, latest = max(earliest, born_after), min(latest, born_by)
    if earliest < latest:
        newest = max(fact.claims, key=lambda c: ((c.as_of or c.said_on).high, -c.value.width, c.id))
        fact.value, fact.dated = newest.value, newest.as_of or newest.said_on
        _set_status(fact)
        return None
    fact.status = STATUS_CONFLICT
    conflict = _value_conflict(fact, "value", registry)
    conflict.description += " Ages were compared through the years between the dates they were given for."
    return conflict


def _years_before(day: dt.date, years: float) -> dt.date:
    if years == float("inf") or day == dt.date.min:
        return dt.date.min
    if day == dt.date.max:
        return dt.date.max
    year = max(1, day.year - int(years))
    return day.replace(year=year, day=min(day.day, 28)) if day.month == 2 and day.day == 29 else day.replace(year=year)


def _value_conflict(fact: Fact, kind: str, registry: Registry) -> Conflict:
    key = fact.key
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(fact.claims, key=lambda c: c.id):
        by_value[value_text(claim.value)].append(claim)
    # each voice once a side: an article that gives a figure twice still counts as one source for it
    parts = [
        f"{value} ({', '.join(dict.fromkeys(voice(c) for c in group))})"
        for value, group in sorted(by_value.items())
    ]
    where = fact_label(key, registry)
    scopes = sorted({c.scope for c in fact.claims if c.scope and c.scope != key.scope})
    rollup = (
        f" Places were compared at country level ({', '.join(scopes)} counted as {key.scope})."
        if scopes else ""
    )
    return Conflict(
        subject=key.subject, property=key.property, scope=key.scope, population=key.population,
        kind=kind, severity=severity_of(key, registry), claims=list(fact.claims), values=sorted(by_value),
        description=f"Sources disagree on {where}: " + "; ".join(parts) + "." + rollup,
    )


def _scope_explained(fact: Fact, registry: Registry) -> Conflict | None:
    """Agreeing destination counts given for a city and for its country: explained, not open."""
    scopes = sorted({c.scope for c in fact.claims if c.scope})
    if len(scopes) < 2:
        return None
    return Conflict(
        subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope,
        population=fact.key.population, kind="place_hierarchy", severity="info", status="explained",
        claims=list(fact.claims), values=sorted({value_text(c.value) for c in fact.claims}),
        description=f"{', '.join(entity_name(s, registry) for s in scopes)} are named for the same figure; "
                    f"they lie within {entity_name(fact.key.scope, registry)}, so the figures agree.",
    )


def _compare_entities(fact: Fact, registry: Registry) -> Conflict | None:
    """Entity values agree when equal, or when they lie on one chain of the hierarchy."""
    values = sorted({c.value for c in fact.claims})
    specific = max(values, key=lambda v: (len(registry.ancestors(v)), v))
    if all(registry.within(specific, v) for v in values):
        fact.value = specific
        _set_status(fact)
        if len(values) == 1:
            return None
        return Conflict(
            subject=fact.key.subject, property=fact.key.property, kind="place_hierarchy", severity="info",
            status="explained", claims=list(fact.claims), values=values,
            description=f"Sources name {', '.join(entity_name(v, registry) for v in values)} for "
                        f"{fact_label(fact.key, registry)}; {entity_name(specific, registry)} lies within the others, "
                        "so they agree.",
        )
    fact.status = STATUS_CONFLICT
    return _value_conflict(fact, "value", registry)


def _collect_texts(fact: Fact, registry: Registry) -> None:
    """Text values (roles, charges) are descriptions, not rival answers: keep each distinct one."""
    seen: dict[str, None] = {}
    for claim in sorted(fact.claims, key=lambda c: c.id):
        seen.setdefault(claim.value, None)
    fact.value = tuple(seen)
    _set_status(fact)
    return None


def name_variants(claims, registry: Registry) -> list[Conflict]:
    """Names given through a spelling the registry lists as a misspelling of that entity: explained by the
    registry, never open (listing it there is the review; a spelling it does not list is a probable
    variant the loader reports, and no claim resolves through it)."""
    by_entity: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for claim in claims:
        for entity_id, mention in ((claim.value, claim.mention), (claim.attributed_to, claim.attributed_as)):
            if mention and entity_id and registry.is_misspelling(mention, entity_id):
                by_entity[entity_id].append((mention, claim))
    conflicts = []
    for entity_id, found in sorted(by_entity.items()):
        entity = registry.get(entity_id)
        spellings = sorted({mention for mention, _ in found})
        sources = ", ".join(sorted({claim.source for _, claim in found}))
        conflicts.append(Conflict(
            subject=entity_id, property="name", kind="name", severity="info", status="explained",
            claims=[claim for _, claim in found], values=sorted({*spellings, entity.name}),
            description=f"{sources} spells {entity.name} as " + " and ".join(f"'{m}'" for m in spellings)
                        + f", a misspelling the registry lists for {entity.name} ({entity_id}), so the name is "
                          "explained.",
        ))
    return conflicts
