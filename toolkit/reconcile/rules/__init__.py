"""Cross-field rules, each a small function registered under its slug.

A rule reads the grouped facts of a Reconciliation and returns conflicts.
Adding a rule is adding one decorated function to a module of this package
(one module per family) and importing that module below.

- destination-sum: a release's destination counts add up to its total, per
  source (naming the source whose figures do not add up) and across sources;
- subgroup: a count restricted to a population fits inside its parent count;
- prisoner-arithmetic: political prisoners after a release are at most those
  before it less the political prisoners it freed;
- sanction-dates: a sanction is lifted on or after it was imposed.
"""

from __future__ import annotations

from ...ingest.claims import Claim
from ...ingest.entities import Registry
from ..facts import Reconciliation

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


from . import arithmetic, destinations, groups, sanctions  # noqa: E402,F401  (register the rules)
