"""Cross-field rules, each a small function registered under its slug.

A rule reads the grouped facts of a Reconciliation and returns conflicts. Adding
a rule is adding one decorated function to a module of this package (one module
per family, which imports `rule` from base); the module is imported below. No rule names a registry id: what a
rule needs to know about groups, places and properties comes from the registry
(`part_of`, `partition`, `nationality`, `root`) and the vocabulary (schemas/properties.yaml).

  destinations  destination-sum
  groups        subgroup, partition-sum, complete-breakdown
  arithmetic    prisoner-arithmetic
  sanctions     sanction-dates
  people        person-destination, person-dates, named-people
  base          the registry (`rule`, RULES) and what rules of several families read
"""

from __future__ import annotations

from . import arithmetic, destinations, groups, people, sanctions  # noqa: F401  (importing registers the rules)
from .base import RULES, release_date_property, rule  # noqa: F401
