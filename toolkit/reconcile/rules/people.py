"""What is said of a person fits what is said of their release."""

from __future__ import annotations

from ...ingest.entities import Registry
from ..facts import Conflict, Fact, Reconciliation, entity_name, value_text
from .base import release_date_property, releases, rule

RELEASED_IN, SENT_TO = "released_in", "sent_to"
DESTINATION, TOTAL = "destination_count", "released_count"


def _freed(result: Reconciliation, registry: Registry):
    """(person, the settled fact of the release that freed them), for every person with one."""
    for person in result.subjects_of_kind("person", registry):
        fact = result.fact(person, RELEASED_IN)
        if fact is not None and fact.settled:
            yield person, fact


def _sources(claims) -> str:
    return ", ".join(sorted({c.source for c in claims}))


@rule("person-destination")
def person_destination(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A person is sent among or inside their release's destinations; otherwise a per-person exception."""
    conflicts = []
    for person, freed in _freed(result, registry):
        release = freed.value
        destinations = [f for f in result.subject_facts(release, DESTINATION)]
        places = {p for f in destinations for p in (f.key.scope, *(c.scope for c in f.claims)) if p}
        sent = result.fact(person, SENT_TO)
        if not places or sent is None:
            continue
        for place in sorted({c.value for c in sent.claims}):
            if any(registry.within(place, d) or registry.within(d, place) for d in places):
                continue
            said = [c for c in sent.claims if c.value == place]
            shown = [c for f in destinations if f.key.population is None for c in f.claims] or \
                [c for f in destinations for c in f.claims]
            conflicts.append(Conflict(
                subject=person, property=SENT_TO, kind="person_exception", severity="warning",
                claims=[*said, *shown], values=sorted({place, *(f.key.scope for f in destinations)}),
                description=f"{entity_name(person, registry)} is said to have been sent to "
                            f"{entity_name(place, registry)} ({_sources(said)}), but "
                            f"{_destinations(result, release, destinations, registry)} ({_sources(shown)}); "
                            "recorded as a per-person exception.",
            ))
    return conflicts


def _destinations(result: Reconciliation, release: str, destinations: list[Fact], registry: Registry) -> str:
    name = entity_name(release, registry)
    total = result.fact(release, TOTAL)
    everyone = [f for f in destinations if f.key.population is None]
    if len(everyone) == 1 and total is not None and total.settled and everyone[0].settled \
            and everyone[0].value.low >= total.value.low:
        return f"all {value_text(total.value)} freed in {name} went to {entity_name(everyone[0].key.scope, registry)}"
    places = sorted({entity_name(f.key.scope, registry) for f in destinations})
    return f"{name} sent those freed to {', '.join(places)}"


@rule("person-dates")
def person_dates(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A person's arrest, sentence and other dates that precede release do not fall after their release."""
    conflicts = []
    date_property = release_date_property(result)
    earlier = [name for name, prop in sorted(result.vocabulary.items()) if prop.before_release]
    for person, freed in _freed(result, registry):
        released = result.fact(freed.value, date_property) if date_property else None
        if released is None or not released.settled:
            continue
        for name in earlier:
            for fact in result.subject_facts(person, name):
                for claim in fact.claims:
                    if claim.value.low > released.value.high:
                        conflicts.append(Conflict(
                            subject=person, property=name, kind="date_order", severity="error",
                            claims=[claim, *released.claims], values=[str(claim.value), str(released.value)],
                            description=f"{claim.source} gives {name} of {entity_name(person, registry)} as "
                                        f"{claim.value}, after {entity_name(freed.value, registry)} freed "
                                        f"{entity_name(person, registry)} ({released.value}).",
                        ))
    return conflicts


@rule("named-people")
def named_people(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A release names no more freed people than the number it freed."""
    named: dict[str, list] = {}
    for person, freed in _freed(result, registry):
        named.setdefault(freed.value, []).append(freed)
    conflicts = []
    for release in releases(result, registry):
        total = result.fact(release, TOTAL)
        people = named.get(release, [])
        if total is None or not total.settled or len(people) <= total.value.high:
            continue
        conflicts.append(Conflict(
            subject=release, property=TOTAL, kind="named_people", severity="error",
            claims=[*total.claims, *(c for f in people for c in f.claims)],
            values=[str(len(people)), value_text(total.value)],
            description=f"{len(people)} people are named as freed in {entity_name(release, registry)}, more "
                        f"than the {value_text(total.value)} it freed.",
        ))
    return conflicts
