"""The rule registry, and what rules of several families read: a Reconciliation's releases, its date
property, the narrowest of some claims."""

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
