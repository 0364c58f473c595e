"""Curator decisions applied to conflicts: a chosen value and a rationale, never a deleted claim.

A decision covers the claims it was made on (its `claims:` list). Claims that join the conflict
later (a new article) have not been reviewed: if they agree with the chosen value the conflict
stays resolved and lists them as unreviewed; if any disagrees, the conflict is open again, keeping
the rationale for reference. A decision without a value records that a curator has reviewed an
open conflict and leaves it open. A decision that lists no claims covers the conflict as it
stands (the form decisions had before they named their claims), except for a name.

A decision about a name (a misspelling the registry links to its entity) covers the claims it lists
and the spellings they use, nothing more: any later claim reopens it (no curator has seen that
source's spelling), and a spelling the decision never saw is named, with the decision and the
source that writes it, until a curator has looked at that spelling too.
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
    if target.kind == "name":
        return _apply_name(target, decision)
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


def spelling_of(claim, entity_id: str) -> str | None:
    """How a claim writes the entity's name: as its value, or as whom it is attributed to."""
    if claim.value == entity_id and claim.mention:
        return claim.mention
    return claim.attributed_as if claim.attributed_to == entity_id else None


def _apply_name(target: Conflict, decision) -> None:
    """A name decision covers the claims it lists and their spellings; one that lists none covers none."""
    entry = decision.entry
    listed = set(entry.claims or ())
    later = [c for c in target.claims if c.id not in listed]
    if not later:
        _resolve(target, entry)
        return None
    seen = {spelling_of(c, target.subject) for c in target.claims if c.id in listed}
    unseen = sorted({(spelling_of(c, target.subject), c.source) for c in later
                     if spelling_of(c, target.subject) not in seen})
    if unseen:
        spellings = " and ".join(f"'{s}'" for s in sorted(s for s in seen if s)) or "no spelling"
        target.description += (
            f" A curator decided ({decision.file}:{decision.line}) that {spellings} stand for {entry.value}; "
            + "; ".join(f"{source} spells it '{spelling}'" for spelling, source in unseen)
            + ", which no decision covers yet.")
    same = sorted(c.id for c in later if spelling_of(c, target.subject) in seen)
    if same:
        target.description += f" {', '.join(same)} came later and no curator has reviewed them."
    return None
