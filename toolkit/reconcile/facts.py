"""The shared types of reconciliation: fact keys, facts, conflicts, and the result.

Every stage below (comparison, rules, curation) and above (tables) reads and
writes these; they import nothing else from the toolkit but claims and values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.claims import Claim
from ..ingest.entities import Registry

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


def severity_of(key: FactKey) -> str:
    if key.subject.startswith(("release-", "us-sanctions-")) or key.property.endswith("_count"):
        return "error"
    return "warning"
