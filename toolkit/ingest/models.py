"""Typed models of the declarative inputs. Each field's docstring says what it holds.

pydantic checks types and required fields; errors are turned into Issues that
name the file, line and field by `issues_from_validation`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..report import Report
from .yamlio import LineDict

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "fewer_than", "about")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class SourceEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    """Source id, also the article's file stem."""
    path: str
    """Article path relative to seeds/."""
    outlet: str | None
    """Publishing outlet, or null where the text does not name one."""
    outlet_inferred: bool
    """True when the outlet is read off the text rather than stated as a masthead."""
    title: str | None
    """Headline as printed, or null where the text has none."""
    published: str = Field(pattern=DATE_PATTERN)
    """Publication date: YYYY, YYYY-MM or YYYY-MM-DD."""
    published_precision: Literal["day", "month", "year"]
    """How much of `published` is known."""
    published_inferred: bool
    """True when the date is read off the text rather than stated."""
    language: str = Field(pattern=r"^[a-z]{2}$")
    """ISO 639-1 language code."""
    bytes: int = Field(ge=0)
    """Exact size of the article file."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """sha256 of the article file."""
    note: str | None = None
    """How the outlet and date were established, and anything odd about the text."""


class ClaimEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    """Unique claim id."""
    subject: str
    """Registry id of the entity or event the claim is about."""
    property: str
    """A property from schemas/properties.yaml."""
    value: int | str
    """The value, typed by the property (count, date, entity, text)."""
    qualifier: Literal[QUALIFIERS] = "exact"  # type: ignore[valid-type]
    """For counts: how the number bounds the true figure."""
    scope: str | None = None
    """For destination counts: the place (registry id)."""
    population: str | None = None
    """For counts: the group the count is restricted to (registry id)."""
    as_of: str | None = Field(default=None, pattern=DATE_PATTERN)
    """When the fact held."""
    attributed_to: str | None = None
    """Who the article says said it, as spelled there."""
    quote: str = Field(min_length=3)
    """Verbatim text of the article supporting the claim."""
    note: str | None = None
    """The curator's reasoning."""

    @field_validator("value", mode="before")
    @classmethod
    def _no_bool(cls, value):
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict, float)):
            raise ValueError("value must be a whole number or a string")
        return value


class SkippedEntry(_Strict):
    quote: str = Field(min_length=1)
    """Verbatim text of the number or date not recorded."""
    reason: str = Field(min_length=3)
    """Why it is not a claim."""


class DecisionEntry(_Strict):
    subject: str
    """Registry id of the conflict's subject."""
    property: str
    """The conflicting property (or rule slug for rule conflicts)."""
    scope: str | None = None
    """Scope of the conflict, if any."""
    population: str | None = None
    """Population of the conflict, if any."""
    value: int | str
    """The value the curator chose."""
    rationale: str = Field(min_length=10)
    """Why, in a sentence a reader can check."""
    decided_by: str
    """Who decided."""


class PropertyDef(_Strict):
    subject: Literal["release", "person", "sanction", "place", "organisation"]
    """Kind of entity the property applies to."""
    type: Literal["count", "date", "entity", "text"]
    """Value type."""
    entity: str | None = None
    """For entity values: the kind of entity expected."""
    scope: str | None = None
    """Kind of entity a claim's scope must be, if scope is allowed."""
    population: bool = False
    """Whether a claim may restrict the count to a population."""
    maximum: int | None = None
    """For counts: the largest plausible figure; a larger one is refused as absurd."""
    description: str
    """What the property means."""


def issues_from_validation(exc: ValidationError, raw: LineDict, report: Report, display: str):
    """Turn pydantic errors into Issues located at the offending key's line."""
    for err in exc.errors():
        loc = err["loc"]
        field = str(loc[0]) if loc else None
        line = raw.line_of(field) if isinstance(raw, LineDict) and field else getattr(raw, "line", None)
        value = raw.get(field) if isinstance(raw, dict) and field in raw else None
        kind = {"extra_forbidden": "unknown-field", "missing": "missing-field"}.get(err["type"], "invalid-field")
        message = {
            "unknown-field": f"unknown field '{field}'",
            "missing-field": f"required field '{field}' is missing",
        }.get(kind, f"field '{field}': {err['msg']}")
        report.add(
            kind,
            message,
            file=display,
            line=line,
            field=field,
            value=None if value is None else str(value),
        )
