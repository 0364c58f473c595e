"""Cross-field rules, each a small function registered under its slug.

A rule reads the grouped facts of a Reconciliation and returns conflicts. Adding
a rule is adding one decorated function to a module of this package (one module
per family); the module is imported below. No rule names a registry id: what a
rule needs to know about groups, places and properties comes from the registry
(`part_of`, `partition`, `nationality`, `root`) and the vocabulary (schemas/properties.yaml).

  destinations  destination-sum
  groups        subgroup, partition-sum, complete-breakdown
  arithmetic    prisoner-arithmetic
  sanctions     sanction-dates
  people        person-destination, person-dates, named-people
"""

from __future__ import annotations

from ...ingest.claims import Claim
from ...ingest.entities import Registry
from ..facts import Reconciliation

RULES = {}


def rule(slug: str):
    """Register a rule under its slug; its docstring's first line says what it checks."""
    def register(func):
        RULES[slug] = func
        return func

    return register


def releases(result: Reconciliation, registry: Registry) -> list[str]:
    return result.subjects_of_kind("release", registry)


def narrowest(claims: list[Claim]) -> Claim:
    return min(claims, key=lambda c: (c.value.width, c.id))


def release_date_property(result: Reconciliation) -> str | None:
    """The vocabulary's date of a release (the one date property whose subject is a release)."""
    return next((name for name, prop in result.vocabulary.items() if prop.subject == "release" and prop.type == "date"),
                None)


from . import arithmetic, destinations, groups, people, sanctions  # noqa: E402,F401  (register the rules)
