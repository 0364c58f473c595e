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
from dataclasses import replace

from ..ingest.claims import Claim
from ..ingest.entities import Registry
from ..ingest.models import PropertyDef
from ..values import DateValue
from .compare import compare_fact, name_variants
from .curation import apply_decisions
from .facts import (
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

__all__ = ["STATUS_AGREED", "STATUS_CONFLICT", "STATUS_CURATOR", "STATUS_SINGLE", "Conflict", "Fact", "FactKey",
           "Reconciliation", "apply_decisions", "fact_key", "reconcile_claims", "value_text"]


def fact_key(claim: Claim, registry: Registry, prop: PropertyDef) -> FactKey:
    """What a claim is about. Destinations are compared at country level (Vilnius and Lithuania are
    one fact); a count of the root group is a count of everyone; as_of separates facts only for
    values that change over time, and ages are compared across dates within one fact."""
    scope = registry.top(claim.scope) if claim.scope else None
    as_of = claim.as_of.text if claim.as_of and prop.dated and not prop.ages else None
    return FactKey(claim.subject, claim.property, scope, registry.population(claim.population), as_of)


def reconcile_claims(claims, registry: Registry, vocabulary: dict[str, PropertyDef], decisions=()) -> Reconciliation:
    """Group claims into facts, compare within each, run cross-field rules, apply decisions.

    Steps:
      1. settle release dates, then give each date claim that names a release that release's date;
      2. group claims by fact key (one pass);
      3. compare the claims of each group by value type, giving a value, status and conflict;
      4. flag names given through a spelling the registry lists as a misspelling;
      5. apply curator decisions to those conflicts, so rules see the curated values;
      6. run every cross-field rule of `rules.RULES`, then apply the remaining decisions;
      7. number the conflicts deterministically; unmatched decisions are the caller's to report.
    """
    from . import rules

    claims, unresolved = _event_dates(claims, registry, vocabulary)
    result = Reconciliation(vocabulary=vocabulary, claims=claims, unresolved_events=unresolved)
    _compare_all(result, claims, registry, vocabulary)
    result.conflicts.extend(name_variants(claims, registry))
    known = {c.id for c in claims} | {c.id for c in unresolved}
    decisions, listed_wrong = _check_decision_claims(decisions, known)
    first = apply_decisions(result, decisions)
    for rule in rules.RULES.values():
        result.conflicts.extend(rule(result, registry))
    refused = [item for item in first if isinstance(item, tuple)]
    pending = [item for item in first if not isinstance(item, tuple)]
    result.unmatched_decisions = listed_wrong + refused + apply_decisions(result, pending)
    _number(result.conflicts)
    return result


def _compare_all(result: Reconciliation, claims, registry: Registry, vocabulary) -> None:
    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[fact_key(claim, registry, vocabulary[claim.property])].append(claim)
    for key in sorted(groups, key=_key_order):
        fact = Fact(key, groups[key])
        conflict = compare_fact(fact, vocabulary[key.property], registry)
        result.facts[key] = fact
        result.by_subject.setdefault(key.subject, []).append(fact)
        if conflict is not None:
            result.conflicts.append(conflict)


def _event_dates(claims, registry: Registry, vocabulary) -> tuple[list[Claim], list[Claim]]:
    """Date claims given as "the date of release X" take X's settled date, qualifier kept.

    Returns the claims ready to compare, and those whose release has no settled date."""
    pending = [c for c in claims if c.event]
    if not pending:
        return list(claims), []
    dates = [c for c in claims if not c.event and vocabulary[c.property].type == "date"
             and registry.kind(c.subject) == "release"]
    probe = Reconciliation(vocabulary=vocabulary)
    _compare_all(probe, dates, registry, vocabulary)
    settled = {f.key.subject: f.value for f in probe.facts.values() if f.settled and f.key.scope is None}
    ready, unresolved = [c for c in claims if not c.event], []
    for claim in pending:
        date = settled.get(claim.event)
        if date is None or date.qualifier != "exact":
            unresolved.append(claim)
        else:
            ready.append(replace(claim, value=DateValue(date.text, claim.qualifier)))
    return ready, unresolved


def _check_decision_claims(decisions, known: set[str]) -> tuple[list, list]:
    good, wrong = [], []
    for decision in decisions:
        missing = sorted(set(decision.entry.claims or ()) - known)
        if missing:
            wrong.append((decision, f"it lists claims that do not exist: {', '.join(missing)}"))
        else:
            good.append(decision)
    return good, wrong


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
