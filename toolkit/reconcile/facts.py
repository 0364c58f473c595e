"""The shared types of reconciliation: fact keys, facts, conflicts, and the result.

Every stage below (comparison, rules, curation) and above (tables) reads and
writes these; they import nothing else from the toolkit but claims and values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.claims import Claim
from ..ingest.entities import Registry
from ..ingest.models import PropertyDef
from ..values import DateValue

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
    support: list[Claim] | None = None
    """The claims that agree with the resolved value (all of them unless a curator chose)."""
    dated: DateValue | None = None
    """For values that change with time (ages): the date the shown value holds on."""
    several: list[list[str]] | None = None
    """For a property that can hold several true values, when the claims give more than one: each value's
    claim ids, the shown value's first (the tables list those; the explained conflict lists them all)."""

    @property
    def shown_claim_ids(self) -> list[str]:
        """The claims behind the value the tables show: all of them, unless the fact holds several values."""
        return self.several[0] if self.several else self.claim_ids

    @property
    def claim_ids(self) -> list[str]:
        return sorted(c.id for c in self.claims)

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})

    @property
    def settled(self) -> bool:
        return self.value is not None and self.status != STATUS_CONFLICT

    @property
    def origins(self) -> list[str]:
        """The independent origins behind the resolved value: five outlets repeating one agency are one."""
        backing = self.claims if self.support is None else self.support
        return sorted({c.origin for c in backing}) if self.settled else []

    @property
    def candidates(self) -> list[str]:
        """The competing values of a disputed fact, as text, so a table shows them instead of a blank."""
        if self.status != STATUS_CONFLICT:
            return []
        return sorted({value_text(c.value) for c in self.claims})


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
    unreviewed: list[str] = field(default_factory=list)
    """Claims that joined after a curator's decision, so the decision does not cover them."""
    reviewed: bool = False
    """A curator decision matched this conflict (resolved it, or reviewed it and left it open)."""

    @property
    def claim_ids(self) -> list[str]:
        return sorted({c.id for c in self.claims})

    @property
    def source_ids(self) -> list[str]:
        return sorted({c.source for c in self.claims})

    @property
    def sides(self) -> list[str]:
        """Each competing value with the independent origins that give it: "123: Belta, HUR"."""
        by_value: dict[str, set[str]] = {}
        for claim in self.claims:
            by_value.setdefault(value_text(claim.value), set()).add(claim.origin_name)
        return [f"{value}: {', '.join(sorted(names))}" for value, names in sorted(by_value.items())]


@dataclass
class Reconciliation:
    facts: dict[FactKey, Fact] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    by_subject: dict[str, list[Fact]] = field(default_factory=dict)
    unmatched_decisions: list = field(default_factory=list)
    vocabulary: dict[str, PropertyDef] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    """Every claim, a date given as a release's date carrying that date."""
    unresolved_events: list[Claim] = field(default_factory=list)
    """Date claims given as a release's date where that release has no settled day, month or year."""

    def fact(self, subject, prop, scope=None, population=None, as_of=None) -> Fact | None:
        return self.facts.get(FactKey(subject, prop, scope, population, as_of))

    def subject_facts(self, subject: str, prop: str | None = None) -> list[Fact]:
        facts = self.by_subject.get(subject, [])
        return [f for f in facts if prop is None or f.key.property == prop]

    def subjects_of_kind(self, kind: str, registry: Registry) -> list[str]:
        return sorted(s for s in self.by_subject if registry.kind(s) == kind)


def value_text(value) -> str:
    if isinstance(value, tuple):
        return "; ".join(value)
    return "" if value is None else str(value)


def voice(claim: Claim) -> str:
    return f"{claim.source} via {claim.attributed_as}" if claim.attributed_as else claim.source


def fact_label(key: FactKey, registry: Registry) -> str:
    label = f"'{key.property}' of {entity_name(key.subject, registry)}"
    if key.scope:
        label += f" in {entity_name(key.scope, registry)}"
    if key.population:
        label += f" ({entity_name(key.population, registry)})"
    if key.as_of:
        label += f" as of {key.as_of}"
    return label


def entity_name(entity_id: str, registry: Registry) -> str:
    entity = registry.get(entity_id)
    return entity.name if entity else entity_id


def severity_of(key: FactKey, registry: Registry) -> str:
    """Disagreements about events, sanctions and counts are errors; about a person's details, warnings."""
    if registry.kind(key.subject) in ("release", "sanction") or key.property.endswith("_count"):
        return "error"
    return "warning"
