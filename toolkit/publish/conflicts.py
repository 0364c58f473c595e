"""Read the conflicts of a project (by reconciling its seeds) or of a built package."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InvalidData, ProjectError
from ..project import open_project
from ..report import Report
from .rows import read_rows

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
COLUMNS = ("conflict_id", "kind", "severity", "status", "subject_id", "property", "scope_id", "population_id",
           "values", "claim_ids", "source_ids", "description", "resolution", "rationale", "origins",
           "unreviewed_claims")


def list_conflicts(path: str | Path = ".") -> list[dict]:
    """Conflict rows of a package directory, a datapackage.json, or a project (reconciled in memory)."""
    return read_conflicts(path)[0]


def curator_queue(path: str | Path = ".") -> tuple[list[dict], list]:
    """What awaits a maintainer: the open errors no curator has reviewed (see `needing_review`), and, for a
    project, the decisions that match no conflict any more (Issues of type stale-decision)."""
    rows, report = read_conflicts(path)
    stale = [i for i in report.issues if i.type == "stale-decision"] if report else []
    return needing_review(rows), stale


def read_conflicts(path: str | Path = ".") -> tuple[list[dict], Report | None]:
    """Conflict rows, and for a project the report of reconciling it (its warnings about decisions)."""
    path = Path(path)
    descriptor = path if path.suffix == ".json" else path / "datapackage.json"
    if descriptor.is_file():
        return _from_package(descriptor), None
    if not (path / "seeds").is_dir():
        raise ProjectError("not a project (no seeds/) and not a built package (no datapackage.json)", path=path,
                           hint="name a project with --project, or a package directory or datapackage.json")
    from .package import compile_dataset

    report = Report()
    compiled = compile_dataset(open_project(path), report)
    if compiled is None:
        raise InvalidData("the project has errors; run `prisoner-data validate` for the list", report)
    lists = ("values", "claim_ids", "source_ids", "origins", "unreviewed_claims")
    return [{k: ([] if v is None and k in lists else v) for k, v in row.items()}
            for row in compiled.tables["conflicts"]], report


def _from_package(descriptor: Path) -> list[dict]:
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    resource = next((r for r in meta.get("resources", []) if r.get("name") == "conflicts"), None)
    if resource is None:
        raise ProjectError("the package has no conflicts resource", path=descriptor)
    return read_rows(descriptor.parent, resource)


def needing_review(rows: list[dict]) -> list[dict]:
    """Open errors a curator has yet to look at: never reviewed, or joined by claims since the decision.

    Only a maintainer can settle these (a decision in seeds/decisions.yaml, with or without a value);
    a contribution is valid without it, so this is its own check, not part of validate or the tests."""
    return [r for r in open_at_or_above(rows, "error") if not r.get("rationale") or r.get("unreviewed_claims")]


def open_at_or_above(rows: list[dict], severity: str) -> list[dict]:
    """Open conflicts of `severity` or worse."""
    floor = SEVERITY_RANK[severity]
    return [r for r in rows if r["status"] == "open" and SEVERITY_RANK.get(r["severity"], 0) >= floor]
