"""Counts of groups, driven by the registry's group hierarchy (no rule names a group).

For every subject and count property that takes a population, and every scope and as_of:
- subgroup: a group's count fits inside the count of the nearest ancestor group that has one
  (everyone, when none has); checked per source, naming the source, and across sources;
- partition-sum: the counts of groups one partition splits a parent into (nationalities, or any
  groups that declare the same `partition`) add up to at most the parent's count; across sources,
  each group's bounds are the tightest its sources give (see `_span`);
- complete-breakdown: a count whose claim says `breakdown: <partition>` equals, exactly, the sum
  of the same article's counts of its groups of that partition.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...ingest.claims import Claim
from ...ingest.entities import Registry
from ...values import INF, Count, interval_text
from ..facts import Conflict, Fact, Reconciliation, entity_name, value_text
from .base import narrowest, rule

EVERYONE = None  # the population key of a count that names no group
OPEN_BELOW = ("at_most", "fewer_than")
"""Qualifiers that state no lower bound."""


@dataclass
class _Slice:
    """The counts of one subject, property, scope and as_of, by population: claims of one source, or all."""

    subject: str
    property: str
    scope: str | None
    as_of: str | None
    counts: dict[str | None, list[Claim]]
    whose: str  # "Source X's own figures" or "the figures of all sources"


def _slices(result: Reconciliation, registry: Registry):
    """Per (subject, property, scope, as_of): one slice per source and one of all sources."""
    for subject in sorted(result.by_subject):
        facts: dict[tuple, dict[str | None, Fact]] = defaultdict(dict)
        for fact in result.by_subject[subject]:
            prop = result.vocabulary.get(fact.key.property)
            if prop is not None and prop.type == "count" and prop.population:
                facts[(fact.key.property, fact.key.scope, fact.key.as_of)][fact.key.population] = fact
        for (prop, scope, as_of), by_population in sorted(facts.items(), key=lambda kv: _order(kv[0])):
            if len(by_population) < 2 and not any(c.breakdown for f in by_population.values() for c in f.claims):
                continue
            every = {pop: list(f.claims) for pop, f in by_population.items()}
            yield _Slice(subject, prop, scope, as_of, every, "the figures of all sources"), by_population
            per_source: dict[str, dict[str | None, list[Claim]]] = defaultdict(lambda: defaultdict(list))
            for pop, fact in by_population.items():
                for claim in fact.claims:
                    per_source[claim.source][pop].append(claim)
            for source in sorted(per_source):
                yield _Slice(subject, prop, scope, as_of, dict(per_source[source]), f"{source}'s own figures"), None


def _order(key: tuple) -> tuple:
    return tuple("" if part is None else part for part in key)


def _ancestor_with_count(group: str, counts: dict, registry: Registry) -> str | None:
    """The nearest group above `group` that the slice counts; EVERYONE when none is."""
    parent = registry.parent_group(group)
    while parent is not None and parent not in counts:
        parent = registry.parent_group(parent)
    return parent


def _span(claims: list[Claim]) -> tuple[float, float]:
    """The bounds the claims put on a count, each source's tightest bound counting.

    Claims that agree all hold, so the count lies where they overlap: an exact 14 and an "at least 14"
    make 14, and the "at least" never erases the exact figure. Claims that disagree give the widest
    reading of the bounds they state (the value conflict speaks for the rest); a side a claim leaves
    open ("at least" above, "at most" below) is no bound there."""
    lows, highs = [c.value.low for c in claims], [c.value.high for c in claims]
    if max(lows) <= min(highs):
        return max(lows), min(highs)
    stated_lows = [c.value.low for c in claims if c.value.qualifier not in OPEN_BELOW]
    stated_highs = [h for h in highs if h != INF]
    return min(stated_lows, default=0), max(stated_highs, default=INF)


def _low(claims: list[Claim]) -> float:
    return _span(claims)[0]


def _high(claims: list[Claim]) -> float:
    return _span(claims)[1]


def _figure(claims: list[Claim]) -> str:
    """The figure the claims give, as an article would write it; an interval when they differ."""
    texts = {value_text(c.value) for c in claims}
    return texts.pop() if len(texts) == 1 else interval_text(_low(claims), _high(claims))


def _label(group: str | None, registry: Registry) -> str:
    return "everyone" if group is None else entity_name(group, registry)


def _whole(parent: str | None, registry: Registry) -> str:
    """How a sentence names the count a group must fit inside."""
    return "freed in all" if parent is None else f"{entity_name(parent, registry).lower()} they are part of"


def _where(piece: _Slice, registry: Registry) -> str:
    text = entity_name(piece.subject, registry)
    if piece.scope:
        text += f" sent to {entity_name(piece.scope, registry)}"
    if piece.as_of:
        text += f" as of {piece.as_of}"
    return text


def _claims_of(piece: _Slice, groups) -> list[Claim]:
    if piece.whose.startswith("the figures"):
        return [c for g in groups for c in piece.counts[g]]
    return [narrowest(piece.counts[g]) for g in groups]


@rule("subgroup")
def subgroup(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A group's count is at most the count of the group it is part of."""
    conflicts = []
    for piece, facts in _slices(result, registry):
        for group in sorted(g for g in piece.counts if g is not None):
            parent = _ancestor_with_count(group, piece.counts, registry)
            if parent not in piece.counts:
                continue
            inner, outer = _claims_of(piece, [group]), _claims_of(piece, [parent])
            if _low(inner) > _high(outer):
                if _worth_reporting(piece, [*inner, *outer]):
                    conflicts.append(_conflict(piece, group, "subgroup", [*inner, *outer],
                        [_figure(inner), _figure(outer)],
                        f"In {piece.whose}, {_label(group, registry).lower()} in {_where(piece, registry)} number "
                        f"{_figure(inner)}, more than the {_figure(outer)} {_whole(parent, registry)}."))
            elif facts is not None and not registry.get(group).partition_label:
                explained = _explained(facts, group, parent, registry)
                if len(explained.values) > 1:  # the same figure for both: nothing differs, nothing to explain
                    conflicts.append(explained)
    return conflicts


def _explained(facts: dict, group: str, parent: str | None, registry: Registry) -> Conflict:
    """A count of a group beside its parent's: different people, not rival figures (a note for readers)."""
    fact, outer = facts[group], facts[parent]
    where = f" sent to {entity_name(fact.key.scope, registry)}" if fact.key.scope else ""
    parent_text = "freed" if parent is None else entity_name(parent, registry).lower()
    return Conflict(
        subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope, population=group,
        kind="subgroup", severity="info", status="explained", claims=[*fact.claims, *outer.claims],
        values=sorted({value_text(c.value) for c in [*fact.claims, *outer.claims]}),
        description=f"{_join(fact)} counts {entity_name(group, registry).lower()}{where}, a part of the "
                    f"{_join(outer)} {parent_text}{where}; the figures differ because they count different people."
                    + _remainder(fact, outer, facts, registry),
    )


def _join(fact: Fact) -> str:
    return " / ".join(sorted({value_text(c.value) for c in fact.claims}))


def _remainder(fact: Fact, parent: Fact, siblings: dict, registry: Registry) -> str:
    """Name another group under the same parent that accounts exactly for the difference, if the claims allow."""
    if not (isinstance(fact.value, Count) and isinstance(parent.value, Count)) or fact.value.width \
            or parent.value.width:
        return ""
    gap = parent.value.value - fact.value.value
    for population, other in sorted(siblings.items(), key=lambda kv: _order((kv[0],))):
        if population in (None, fact.key.population) or not isinstance(other.value, Count):
            continue
        if other.value.width == 0 and other.value.value == gap:
            return f" {parent.value.value} − {other.value.value} {entity_name(population, registry)} = " \
                   f"{fact.value.value}."
    return ""


def _partitions(piece: _Slice, registry: Registry) -> dict[tuple, list[str]]:
    """(parent, partition) -> the groups of that partition the slice counts directly under that parent."""
    found: dict[tuple, list[str]] = defaultdict(list)
    for group in sorted(g for g in piece.counts if g is not None):
        label = registry.get(group).partition_label
        if label:
            found[(_ancestor_with_count(group, piece.counts, registry), label)].append(group)
    return found


@rule("partition-sum")
def partition_sum(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """Counts of disjoint groups (one partition of one parent) add up to at most the parent's count."""
    conflicts = []
    for piece, _ in _slices(result, registry):
        for (parent, label), groups in sorted(_partitions(piece, registry).items(), key=lambda kv: _order(kv[0])):
            if len(groups) < 2 or parent not in piece.counts:
                continue
            parts = {g: _claims_of(piece, [g]) for g in groups}
            total = sum(_low(claims) for claims in parts.values())
            outer = _claims_of(piece, [parent])
            if total > _high(outer) and _worth_reporting(piece, [*[c for cs in parts.values() for c in cs], *outer]):
                terms = " + ".join(f"{entity_name(g, registry)} {int(_low(c))}" for g, c in parts.items())
                conflicts.append(_conflict(piece, parent, "partition_sum",
                                           [*[c for cs in parts.values() for c in cs], *outer],
                                           [str(int(total)), _figure(outer)],
                                           f"In {piece.whose}, the groups by {label} of {_label(parent, registry).lower()}"
                                           f" in {_where(piece, registry)} add up to at least {int(total)} ({terms}), "
                                           f"more than the {_figure(outer)} "
                                           f"{'freed in all' if parent is None else entity_name(parent, registry).lower()}"
                                           "."))
    return conflicts


@rule("complete-breakdown")
def complete_breakdown(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A count an article breaks down completely (`breakdown: <partition>`) equals the sum of its parts."""
    conflicts = []
    for piece, facts in _slices(result, registry):
        if facts is not None:
            continue  # a breakdown is what one article presents: checked per source only
        for population, claims in sorted(piece.counts.items(), key=lambda kv: _order((kv[0],))):
            for whole in (c for c in claims if c.breakdown):
                groups = [g for (parent, label), gs in _partitions(piece, registry).items()
                          if parent == population and label == whole.breakdown for g in gs]
                if not groups:
                    continue
                parts = [narrowest(piece.counts[g]) for g in groups]
                low, high = sum(c.value.low for c in parts), sum(c.value.high for c in parts)
                if low <= whole.value.high and whole.value.low <= high:
                    continue
                terms = " + ".join(f"{entity_name(c.population, registry)} {c.value}" for c in parts)
                conflicts.append(_conflict(piece, population, "breakdown", [whole, *parts],
                                           [interval_text(low, high), str(whole.value)],
                                           f"In {piece.whose}, {_label(population, registry).lower()} in "
                                           f"{_where(piece, registry)} ({whole.value}) are broken down completely by "
                                           f"{whole.breakdown}, but the parts add up to {interval_text(low, high)} "
                                           f"({terms})."))
    return conflicts


def _worth_reporting(piece: _Slice, claims: list[Claim]) -> bool:
    """Across sources, only what no single source's own figures already show."""
    return not piece.whose.startswith("the figures") or len({c.source for c in claims}) > 1


def _conflict(piece: _Slice, population: str | None, kind: str, claims: list[Claim], values: list[str],
              description: str) -> Conflict:
    return Conflict(subject=piece.subject, property=piece.property, scope=piece.scope, population=population,
                    kind=kind, severity="error", claims=claims, values=values, description=description)
