"""Build typed claims in memory for unit tests of comparison and rules."""

from __future__ import annotations

from pathlib import Path

from toolkit.ingest.claims import Claim, load_vocabulary
from toolkit.ingest.entities import load_registry
from toolkit.project import Project
from toolkit.report import Report
from toolkit.values import Count, parse_date

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def mini_registry():
    report = Report()
    registry = load_registry(Project(MINI), report)
    assert report.valid, report.issues
    return registry


def vocabulary():
    report = Report()
    vocab = load_vocabulary(Project(ROOT), report)
    assert report.valid
    return vocab


def claim(cid, subject, prop, value, source="s1", qualifier="exact", scope=None, population=None,
          as_of=None, said_by=None, mention=None, breakdown=None, published="2025-12-20") -> Claim:
    """A typed claim as the loader would make it; a date value that is a release id stands for its date."""
    kind = vocabulary()[prop].type
    event = value if kind == "date" and str(value).startswith("release-") else None
    typed = {
        "count": lambda: Count(value, qualifier),
        "date": lambda: None if event else parse_date(value, qualifier),
    }.get(kind, lambda: value)()
    origin = (said_by, said_by) if said_by else (f"source:{source}", source)
    return Claim(
        id=cid, source=source, subject=subject, property=prop, value=typed, raw_value=str(value),
        scope=scope, population=population, as_of=parse_date(as_of) if as_of else None,
        attributed_to=said_by, attributed_as=said_by, mention=mention, quote="q", quote_line=1,
        note=None, file=f"{source}.yaml", line=1, qualifier=qualifier, breakdown=breakdown, event=event,
        origin=origin[0], origin_name=origin[1], said_on=parse_date(published),
    )
