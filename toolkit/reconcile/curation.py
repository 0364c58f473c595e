"""Curator decisions applied to conflicts: a chosen value and a rationale, never a deleted claim.

A decision covers the claims it was made on (its `claims:` list). A conflict whose claims are all
covered is resolved; one that new claims have joined since stays open, keeps the rationale for
reference, and lists the claims no curator has reviewed. A decision that lists no claims covers
the conflict as it stands (the form decisions had before they named their claims).
"""

from __future__ import annotations

from collections import defaultdict

from .facts import STATUS_CURATOR, Conflict, FactKey, Reconciliation


def apply_decisions(result: Reconciliation, decisions) -> list:
    """Close conflicts with curator decisions; return those that matched no conflict, or (decision, reason)."""
    unmatched = []
    open_conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
    for conflict in result.conflicts:
        if conflict.status == "open" and not conflict.unreviewed:
            open_conflicts[(conflict.subject, conflict.property, conflict.scope, conflict.population)].append(conflict)
    for decision in decisions:
        entry = decision.entry
        candidates = open_conflicts.get((entry.subject, entry.property, entry.scope, entry.population), [])
        target = next((c for c in candidates if c.status == "open" and not c.unreviewed), None)
        if target is None:
            unmatched.append(decision)
            continue
        reason = _apply(result, target, decision)
        if reason:
            unmatched.append((decision, reason))
    return unmatched


def _apply(result: Reconciliation, target: Conflict, decision) -> str | None:
    entry = decision.entry
    fact = None
    if target.kind in ("value", "date"):  # only these have one fact whose value the decision picks
        fact = result.facts.get(FactKey(target.subject, target.property, target.scope, target.population))
    chosen = [c for c in fact.claims if c.raw_value == str(entry.value)] if fact else []
    if fact is not None and not chosen:
        return f"no claim gives the value {entry.value!r}"
    rationale = f"{entry.rationale} ({entry.decided_by})"
    unreviewed = sorted(set(target.claim_ids) - set(entry.claims)) if entry.claims is not None else []
    if unreviewed:
        target.unreviewed = unreviewed
        target.rationale = rationale
        target.description += (f" A curator chose {entry.value} for claims {', '.join(sorted(entry.claims))}; "
                               f"{', '.join(unreviewed)} came later and no curator has reviewed them.")
        return None
    target.status = STATUS_CURATOR
    target.resolution = str(entry.value)
    target.rationale = rationale
    if chosen:
        fact.value = min((c.value for c in chosen), key=lambda v: (v.width, str(v)))
        fact.status = STATUS_CURATOR
        fact.support = [c for c in fact.claims if c.value.agrees(fact.value)]
    return None
