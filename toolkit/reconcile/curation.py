"""Curator decisions applied to conflicts: a chosen value and a rationale, never a deleted claim."""

from __future__ import annotations

from collections import defaultdict

from .facts import STATUS_CURATOR, Conflict, FactKey, Reconciliation


def apply_decisions(result: Reconciliation, decisions) -> list:
    """Close conflicts with curator decisions; return (decision, reason) for those that cannot apply."""
    unmatched = []
    open_conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
    for conflict in result.conflicts:
        if conflict.status == "open":
            open_conflicts[(conflict.subject, conflict.property, conflict.scope, conflict.population)].append(conflict)
    for decision in decisions:
        entry = decision.entry
        candidates = open_conflicts.get((entry.subject, entry.property, entry.scope, entry.population), [])
        target = next((c for c in candidates if c.status == "open"), None)
        if target is None:
            unmatched.append(decision)
            continue
        # Only a value or date conflict has one fact whose value the decision picks.
        fact = None
        if target.kind in ("value", "date"):
            fact = result.facts.get(FactKey(target.subject, target.property, target.scope, target.population))
        chosen = [c for c in fact.claims if c.raw_value == str(decision.entry.value)] if fact else []
        if fact is not None and not chosen:
            unmatched.append((decision, f"no claim gives the value {decision.entry.value!r}"))
            continue
        target.status = STATUS_CURATOR
        target.resolution = str(decision.entry.value)
        target.rationale = f"{decision.entry.rationale} ({decision.entry.decided_by})"
        if chosen:
            fact.value = min((c.value for c in chosen), key=lambda v: (v.width, str(v)))
            fact.status = STATUS_CURATOR
    return unmatched
