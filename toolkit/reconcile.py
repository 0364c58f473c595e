"""Compare claims, apply cross-field rules, and record every disagreement.

Claims are grouped once by fact key (subject, property, scope rolled up to its
country, population, as_of), so the work is linear in the number of claims:
no pair of claims from different groups is ever compared. Each group yields a
resolved value with a status; groups that disagree yield a conflict. The
cross-field rules in `rules.py` then look across groups of one release, place
or sanction. Curator decisions close conflicts without deleting any claim.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .claims import Claim
from .entities import Registry
from .models import PropertyDef
from .values import Count, DateValue

ALL = "all-released"
STATUS_AGREED = "agreed"
STATUS_SINGLE = "single_source"
STATUS_CONFLICT = "conflict"
STATUS_CURATOR = "resolved_by_curator"


@dataclass(frozen=True, slots=True)
class FactKey:
    subject: str
    property: str
    scope: str | None = None
    population: str | None = None
    as_of: str | None = None


@dataclass
class Fact:
    """The resolved value of one fact key, with its status and the claims behind it."""

    key: FactKey
    claims: list[Claim]
    value: object = None  # Count | DateValue | entity id | tuple of texts | None
    status: str = STATUS_SINGLE
    conflict_id: str | None = None

    @property
    def claim_ids(self) -> list[str]:
        return sorted(c.id for c in self.claims)

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})

    @property
    def settled(self) -> bool:
        return self.value is not None and self.status != STATUS_CONFLICT


@dataclass
class Conflict:
    """One disagreement, or one difference a rule explains."""

    subject: str
    property: str
    kind: str
    severity: str
    claims: list[Claim]
    values: list[str]
    description: str
    status: str = "open"  # open | explained | resolved_by_curator
    scope: str | None = None
    population: str | None = None
    resolution: str | None = None
    rationale: str | None = None
    id: str = ""

    @property
    def claim_ids(self) -> list[str]:
        return sorted({c.id for c in self.claims})

    @property
    def source_ids(self) -> list[str]:
        return sorted({c.source for c in self.claims})


@dataclass
class Reconciliation:
    facts: dict[FactKey, Fact] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    by_subject: dict[str, list[Fact]] = field(default_factory=dict)
    unmatched_decisions: list = field(default_factory=list)

    def fact(self, subject, prop, scope=None, population=None, as_of=None) -> Fact | None:
        return self.facts.get(FactKey(subject, prop, scope, population, as_of))

    def subject_facts(self, subject: str, prop: str | None = None) -> list[Fact]:
        facts = self.by_subject.get(subject, [])
        return [f for f in facts if prop is None or f.key.property == prop]


def value_text(value) -> str:
    if isinstance(value, tuple):
        return "; ".join(value)
    return "" if value is None else str(value)


def fact_key(claim: Claim, registry: Registry) -> FactKey:
    # Destinations are compared at country level: Vilnius and Lithuania are one fact.
    scope = registry.top(claim.scope) if claim.scope else None
    population = None if claim.population == ALL else claim.population
    as_of = claim.as_of.text if claim.as_of else None
    return FactKey(claim.subject, claim.property, scope, population, as_of)


def reconcile_claims(claims, registry: Registry, vocabulary: dict[str, PropertyDef], decisions=()) -> Reconciliation:
    """Group claims into facts, compare within each, run cross-field rules, apply decisions.

    Steps:
      1. group claims by fact key (one pass);
      2. compare the claims of each group by value type, giving a value, status and conflict;
      3. flag names given through a curated misspelling;
      4. apply curator decisions to those conflicts, so rules see the curated values;
      5. run every cross-field rule of `rules.RULES`, then apply the remaining decisions;
      6. number the conflicts deterministically; unmatched decisions are the caller's to report.
    """
    from . import rules

    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[fact_key(claim, registry)].append(claim)
    result = Reconciliation()
    for key in sorted(groups, key=_key_order):
        fact = Fact(key, groups[key])
        conflict = _compare(fact, vocabulary[key.property].type, registry)
        result.facts[key] = fact
        result.by_subject.setdefault(key.subject, []).append(fact)
        if conflict is not None:
            result.conflicts.append(conflict)
    result.conflicts.extend(_name_variants(claims, registry))
    first = apply_decisions(result, decisions)
    for rule in rules.RULES.values():
        result.conflicts.extend(rule(result, registry))
    refused = [item for item in first if isinstance(item, tuple)]
    pending = [item for item in first if not isinstance(item, tuple)]
    result.unmatched_decisions = refused + apply_decisions(result, pending)
    _number(result.conflicts)
    return result


def _key_order(key: FactKey):
    return (key.subject, key.property, key.scope or "", key.population or "", key.as_of or "")


def _compare(fact: Fact, value_type: str, registry: Registry) -> Conflict | None:
    compare = {"count": _compare_intervals, "date": _compare_intervals, "entity": _compare_entities}.get(value_type, _collect_texts)
    return compare(fact, registry)


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
    """A count's or a date's interval as (low, high)."""
    return (value.low, value.high) if isinstance(value, Count) else (value.start, value.end)


def _value_conflict(fact: Fact, kind: str, registry: Registry) -> Conflict:
    key = fact.key
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(fact.claims, key=lambda c: c.id):
        by_value[value_text(claim.value)].append(claim)
    parts = [
        f"{value} ({', '.join(_voice(c) for c in group)})" for value, group in sorted(by_value.items())
    ]
    where = _fact_label(key, registry)
    scopes = sorted({c.scope for c in fact.claims if c.scope and c.scope != key.scope})
    rollup = (
        f" Places were compared at country level ({', '.join(scopes)} counted as {key.scope})."
        if scopes else ""
    )
    return Conflict(
        subject=key.subject, property=key.property, scope=key.scope, population=key.population,
        kind=kind, severity=_severity(key), claims=list(fact.claims), values=sorted(by_value),
        description=f"Sources disagree on {where}: " + "; ".join(parts) + "." + rollup,
    )


def _voice(claim: Claim) -> str:
    return f"{claim.source} via {claim.attributed_as}" if claim.attributed_as else claim.source


def _fact_label(key: FactKey, registry: Registry) -> str:
    label = f"'{key.property}' of {_name(key.subject, registry)}"
    if key.scope:
        label += f" in {_name(key.scope, registry)}"
    if key.population:
        label += f" ({_name(key.population, registry)})"
    if key.as_of:
        label += f" as of {key.as_of}"
    return label


def _name(entity_id: str, registry: Registry) -> str:
    entity = registry.get(entity_id)
    return entity.name if entity else entity_id


def _severity(key: FactKey) -> str:
    if key.subject.startswith(("release-", "us-sanctions-")) or key.property.endswith("_count"):
        return "error"
    return "warning"


def _scope_explained(fact: Fact, registry: Registry) -> Conflict | None:
    """Agreeing destination counts given for a city and for its country: explained, not open."""
    scopes = sorted({c.scope for c in fact.claims if c.scope})
    if len(scopes) < 2:
        return None
    return Conflict(
        subject=fact.key.subject, property=fact.key.property, scope=fact.key.scope,
        population=fact.key.population, kind="place_hierarchy", severity="info", status="explained",
        claims=list(fact.claims), values=sorted({value_text(c.value) for c in fact.claims}),
        description=f"{', '.join(_name(s, registry) for s in scopes)} are named for the same figure; "
                    f"they lie within {_name(fact.key.scope, registry)}, so the figures agree.",
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
            description=f"Sources name {', '.join(_name(v, registry) for v in values)} for "
                        f"{_fact_label(fact.key, registry)}; {_name(specific, registry)} lies within the others, "
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


def _name_variants(claims, registry: Registry) -> list[Conflict]:
    """Names given through a curated misspelling: a name conflict the registry resolved."""
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
            subject=entity_id, property="name", kind="name", severity="info", status="resolved_by_curator",
            claims=[claim for _, claim in found], values=sorted({*spellings, entity.name}),
            description=f"{sources} spells {entity.name} as " + " and ".join(f"'{m}'" for m in spellings) + ".",
            resolution=entity.name, rationale=entity.notes,
        ))
    return conflicts


def apply_decisions(result: Reconciliation, decisions) -> list:
    """Close conflicts with curator decisions; return (decision, reason) for those that cannot apply."""
    unmatched = []
    open_conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
    for conflict in result.conflicts:
        if conflict.status == "open":
            open_conflicts[(conflict.subject, conflict.property, conflict.scope, conflict.population)].append(conflict)
    for decision in decisions:
        entry = decision.entry
        candidates = open_conflicts.get((entry.subject, entry.property, entry.scope, entry.population), [])
        target = next((c for c in candidates if c.status == "open"), None)
        if target is None:
            unmatched.append(decision)
            continue
        # Only a value or date conflict has one fact whose value the decision picks.
        fact = None
        if target.kind in ("value", "date"):
            fact = result.facts.get(FactKey(target.subject, target.property, target.scope, target.population))
        chosen = [c for c in fact.claims if c.raw_value == str(decision.entry.value)] if fact else []
        if fact is not None and not chosen:
            unmatched.append((decision, f"no claim gives the value {decision.entry.value!r}"))
            continue
        target.status = STATUS_CURATOR
        target.resolution = str(decision.entry.value)
        target.rationale = f"{decision.entry.rationale} ({decision.entry.decided_by})"
        if chosen:
            fact.value = min((c.value for c in chosen), key=lambda v: (v.width, str(v)))
            fact.status = STATUS_CURATOR
    return unmatched


def _number(conflicts: list[Conflict]) -> None:
    conflicts.sort(key=lambda c: (c.subject, c.property, c.scope or "", c.population or "", c.kind, c.claim_ids))
    counts: dict[str, int] = defaultdict(int)
    for conflict in conflicts:
        base = f"{conflict.subject}.{conflict.property}.{conflict.kind}"
        if conflict.scope:
            base += f".{conflict.scope}"
        if conflict.population:
            base += f".{conflict.population}"
        counts[base] += 1
        conflict.id = base if counts[base] == 1 else f"{base}.{counts[base]}"
