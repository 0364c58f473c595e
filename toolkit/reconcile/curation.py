"""Curator decisions applied to conflicts: a chosen value and a rationale, never a deleted claim.

A decision covers the claims it was made on (its `claims:` list). Claims that join the conflict
later (a new article) have not been reviewed: if they agree with the chosen value the conflict
stays resolved and lists them as unreviewed; if any disagrees, the conflict is open again, keeping
the rationale for reference. A decision without a value records that a curator has reviewed an
open conflict and leaves it open. A decision that lists no claims covers the conflict as it
stands (the form decisions had before they named their claims).

Names need no decision: a spelling the registry lists as a misspelling of an entity is explained by
the registry (listing it there is the review), and a spelling it does not list is reported by the
loader as a probable variant, which the curator's queue shows.
"""

from __future__ import annotations

from collections import defaultdict

from .facts import STATUS_CURATOR, Conflict, FactKey, Reconciliation


def apply_decisions(result: Reconciliation, decisions) -> list:
    """Close or acknowledge conflicts; return the decisions that matched none, or (decision, reason)."""
    unmatched = []
    open_conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
    for conflict in result.conflicts:
        if conflict.status == "open" and not conflict.reviewed:
            open_conflicts[(conflict.subject, conflict.property, conflict.scope, conflict.population)].append(conflict)
    for decision in decisions:
        entry = decision.entry
        candidates = open_conflicts.get((entry.subject, entry.property, entry.scope, entry.population), [])
        target = next((c for c in candidates if c.status == "open" and not c.reviewed
                       and entry.kind in (None, c.kind)), None)
        if target is None:
            unmatched.append(decision)
            continue
        reason = _apply(result, target, decision)
        if reason:
            unmatched.append((decision, reason))
    return unmatched


def _apply(result: Reconciliation, target: Conflict, decision) -> str | None:
    entry = decision.entry
    target.reviewed = True
    target.rationale = f"{entry.rationale} ({entry.decided_by})"
    new = sorted(set(target.claim_ids) - set(entry.claims)) if entry.claims is not None else []
    target.unreviewed = new
    if entry.value is None:  # reviewed and left open
        if new:
            target.description += f" Claims {', '.join(new)} came later; no curator has reviewed them."
        return None
    fact = None
    if target.kind in ("value", "date"):  # only these have one fact whose value the decision picks
        fact = result.facts.get(FactKey(target.subject, target.property, target.scope, target.population))
    chosen = [c for c in fact.claims if c.raw_value == str(entry.value)] if fact else []
    if fact is not None and not chosen:
        target.reviewed = False
        return f"no claim gives the value {entry.value!r}"
    value = min((c.value for c in chosen), key=lambda v: (v.width, str(v))) if chosen else None
    by_id = {c.id: c for c in target.claims}
    disagreeing = [i for i in new if value is None or not by_id[i].value.agrees(value)]
    if disagreeing:
        target.description += (f" A curator chose {entry.value} for claims {', '.join(sorted(entry.claims))}; "
                               f"{', '.join(new)} came later and no curator has reviewed them.")
        return None
    _resolve(target, entry)
    if fact is not None:
        fact.value, fact.status = value, STATUS_CURATOR
        fact.support = [c for c in fact.claims if c.value.agrees(value)]
    return None


def _resolve(target: Conflict, entry) -> None:
    target.status = STATUS_CURATOR
    target.resolution = str(entry.value)
