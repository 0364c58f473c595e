"""Compare claims, apply cross-field rules, and record every disagreement.

Claims are grouped once by fact key (subject, property, scope rolled up to its
country, population, as_of), so the work is linear in the number of claims:
no pair of claims from different groups is ever compared. Each group yields a
resolved value with a status; groups that disagree yield a conflict. The
cross-field rules in `rules/` then look across groups of one release, place
or sanction. Curator decisions close conflicts without deleting any claim.

  facts      the shared types (FactKey, Fact, Conflict, Reconciliation)
  compare    the comparison of one fact's claims by value type
  rules/     cross-field rules, one module per family, registered by slug
  curation   curator decisions applied to conflicts
"""

from __future__ import annotations

from collections import defaultdict

from ..ingest.claims import Claim
from ..ingest.entities import Registry
from ..ingest.models import PropertyDef
from .compare import compare_fact, name_variants
from .curation import apply_decisions
from .facts import (
    ALL,
    STATUS_AGREED,
    STATUS_CONFLICT,
    STATUS_CURATOR,
    STATUS_SINGLE,
    Conflict,
    Fact,
    FactKey,
    Reconciliation,
    value_text,
)

__all__ = ["ALL", "STATUS_AGREED", "STATUS_CONFLICT", "STATUS_CURATOR", "STATUS_SINGLE", "Conflict", "Fact",
           "FactKey", "Reconciliation", "apply_decisions", "fact_key", "reconcile_claims", "value_text"]


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
        conflict = compare_fact(fact, vocabulary[key.property].type, registry)
        result.facts[key] = fact
        result.by_subject.setdefault(key.subject, []).append(fact)
        if conflict is not None:
            result.conflicts.append(conflict)
    result.conflicts.extend(name_variants(claims, registry))
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
