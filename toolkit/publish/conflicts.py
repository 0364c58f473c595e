"""Read the conflicts of a built package, and pick those awaiting a curator."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ProjectError
from .rows import read_rows

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
COLUMNS = ("conflict_id", "kind", "severity", "status", "subject_id", "property", "scope_id", "population_id",
           "values", "claim_ids", "source_ids", "description", "resolution", "rationale", "origins",
           "unreviewed_claims")


def package_conflicts(descriptor: Path) -> list[dict]:
    """The conflict rows of a built package (its datapackage.json)."""
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    resource = next((r for r in meta.get("resources", []) if r.get("name") == "conflicts"), None)
    if resource is None:
        raise ProjectError("the package has no conflicts resource", path=descriptor)
    return read_rows(descriptor.parent, resource)


def needing_review(rows: list[dict]) -> list[dict]:
    """Open conflicts of any severity a curator has yet to look at: never reviewed, or joined by claims
    since the decision. Explained rows (a rule or the registry accounts for them) need no one.

    Only a maintainer can settle these (a decision in seeds/decisions.yaml, with or without a value);
    a contribution is valid without it, so this is its own check, not part of validate or the tests."""
    return [r for r in rows if r["status"] == "open" and (not r.get("rationale") or r.get("unreviewed_claims"))]


def open_at_or_above(rows: list[dict], severity: str) -> list[dict]:
    """Open conflicts of `severity` or worse."""
    floor = SEVERITY_RANK[severity]
    return [r for r in rows if r["status"] == "open" and SEVERITY_RANK.get(r["severity"], 0) >= floor]
