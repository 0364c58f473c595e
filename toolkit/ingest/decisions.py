"""Curator decisions: seeds/decisions.yaml closes conflicts with a chosen value and a rationale.

A decision never deletes a claim; it marks one conflict resolved_by_curator and
sets the resolved value. A decision that matches no open conflict is reported
(a warning: a new article can change what a decision was made on, and the
contributor is not the one to revise it) and stands in the curator's queue
(`prisoner-data conflicts --needs-review`) until a maintainer removes or revises
it, so stale decisions cannot pile up unnoticed. A decision that names claims
that do not exist, or a value no claim gives, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import DecisionEntry, parse_entry
from ..project import Project
from ..report import Report
from .yamlio import LineDict, load_yaml, outside_project, report_duplicate_keys, report_unknown_keys, short


@dataclass(frozen=True)
class Decision:
    entry: DecisionEntry
    file: str
    line: int


def load_decisions(project: Project, report: Report) -> list[Decision]:
    """Read seeds/decisions.yaml if present."""
    if not project.decisions.is_file() and not project.decisions.is_symlink():
        return []
    if outside_project(project, project.decisions, report):
        return []
    display = project.rel(project.decisions)
    doc = load_yaml(project.decisions, report, display)
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("decisions"), list):
        report.add("invalid-decisions", "expected a 'decisions' list", file=display,
                   line=doc.line_of("decisions") if isinstance(doc, LineDict) else 1)
        return []
    report_duplicate_keys(doc, report, display)
    report_unknown_keys(doc, {"decisions"}, report, display)
    decisions = []
    for raw in doc["decisions"]:
        if not isinstance(raw, LineDict):
            report.add("invalid-decision", f"each decision must be a mapping, got {short(raw, 60)}", file=display,
                       line=doc.line_of("decisions"))
            continue
        report_duplicate_keys(raw, report, display)
        entry = parse_entry(DecisionEntry, raw, report, display)
        if entry is not None:
            decisions.append(Decision(entry, display, raw.line))
    return decisions


def report_unmatched(unmatched: list, report: Report) -> None:
    """Each item is a Decision that matched no open conflict, or (Decision, reason) for one that cannot apply."""
    for item in unmatched:
        decision, reason = item if isinstance(item, tuple) else (item, None)
        e = decision.entry
        where = ", ".join(f"{k}={v}" for k, v in (("scope", e.scope), ("population", e.population)) if v)
        label = f"decision for {e.subject} {e.property}{' (' + where + ')' if where else ''}"
        if reason:
            report.add("decision-value-not-claimed", f"{label}: {reason}", file=decision.file, line=decision.line,
                       field="value", value=str(e.value), hint="choose one of the competing claimed values")
            continue
        report.add(
            "stale-decision", f"{label} matches no open conflict", severity="warning",
            file=decision.file, line=decision.line, field="subject", value=e.subject,
            hint="a curator removes the decision, or corrects its subject/property/kind/scope/population "
                 "(`prisoner-data conflicts --needs-review` lists it until then)",
        )
