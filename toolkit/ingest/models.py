"""Typed models of the declarative inputs. Each field's docstring says what it holds.

pydantic checks types and required fields; errors are turned into Issues that
name the file, line and field by `issues_from_validation`.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from ..report import Report
from ..texts import is_link
from ..values import COUNT_QUALIFIERS, DATE_QUALIFIERS, parse_date
from .yamlio import LineDict, check_texts, nearest_hint, quote_it, read_as, short

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _link(value: str | None, relative: bool = False) -> str | None:
    """A link field's value when it is http(s) (or, with `relative`, a relative path), else a ValueError:
    what a reader clicks in the descriptor, README or datasette must not run anything (javascript:, data:)."""
    if value is not None and not is_link(value, relative):
        raise ValueError("must be an http:// or https:// URL" + (", or a relative path inside the package"
                                                                  if relative else ""))
    return value
QUALIFIERS = tuple(dict.fromkeys(COUNT_QUALIFIERS + DATE_QUALIFIERS))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    MULTILINE: ClassVar[frozenset] = frozenset()
    """The free-text fields, which may break lines; every other text is one line (`toolkit.texts`)."""


PLACEHOLDERS = ("OUTLET", "TITLE", "URL", "YYYY-MM-DD")
"""What `extract` writes in a manifest entry for the contributor to fill in; never a value."""


class SourceEntry(_Strict):
    MULTILINE: ClassVar[frozenset] = frozenset({"note"})
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    """Source id, also the article's file stem."""
    path: str = Field(pattern=r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$", max_length=255)
    """Article path relative to seeds/ (letters, digits, '.', '_', '-' and '/'; never '..')."""
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
    url: str | None = Field(default=None, max_length=2000)
    """Where the article was published, when known (http or https)."""

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        return _link(value)

    @field_validator("outlet", "title")
    @classmethod
    def _not_a_placeholder(cls, value: str | None, info) -> str | None:
        if value is not None and value.strip() in PLACEHOLDERS:
            raise ValueError(f"{value.strip()} is the draft's placeholder: write the article's {info.field_name} "
                             f"as printed, or null if it has none")
        return value

    @field_validator("path")
    @classmethod
    def _inside_seeds(cls, value: str) -> str:
        if ".." in value.split("/"):
            raise ValueError("the path may not climb out with '..'")
        return value

    @field_validator("published")
    @classmethod
    def _real_past_date(cls, value: str) -> str:
        date = parse_date(value)  # ValueError names an impossible month or day, e.g. 2025-00
        if date.start > dt.date.today():
            raise ValueError(f"{value} is in the future; an article is published before it is recorded")
        return value

    @model_validator(mode="after")
    def _precision_matches(self):
        if parse_date(self.published).precision != self.published_precision:
            raise ValueError(f"published_precision is '{self.published_precision}' but published "
                             f"'{self.published}' is a {parse_date(self.published).precision}")
        return self


class ClaimEntry(_Strict):
    MULTILINE: ClassVar[frozenset] = frozenset({"note"})
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    """Unique claim id."""
    subject: str
    """Registry id of the entity or event the claim is about."""
    property: str
    """A property from schemas/properties.yaml."""
    value: int | str | list[int]
    """The value, typed by the property: a count (or a range [low, high]), a date (or the id of a
    release, meaning that release's date), an entity, or text."""
    qualifier: Literal[QUALIFIERS] = "exact"  # type: ignore[valid-type]
    """How the value bounds the truth: for counts exact, at_least, more_than, at_most, fewer_than,
    about, almost, nearly (between is implied by a range); for dates exact, since, before, by,
    after, on_or_after."""
    scope: str | None = None
    """For destination counts: the place (registry id)."""
    population: str | None = None
    """For counts: the group the count is restricted to (registry id)."""
    breakdown: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_-]*$")
    """For a count: the article breaks it down completely into the counts of its groups of this
    partition (e.g. `nationality`), so those parts must add up to it exactly."""
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
        if isinstance(value, list):
            if len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value) \
                    or value[0] > value[1]:
                raise ValueError("a range is two whole numbers, low then high: [100, 120]")
            return value
        if isinstance(value, bool) or value is None or isinstance(value, (dict, float)):
            raise ValueError("value must be a whole number, a range [low, high] or a string")
        return value


class SkippedEntry(_Strict):
    quote: str = Field(min_length=1)
    """Verbatim text of the number or date not recorded."""
    reason: str = Field(min_length=3)
    """Why it is not a claim."""


class DecisionEntry(_Strict):
    MULTILINE: ClassVar[frozenset] = frozenset({"rationale"})
    subject: str
    """Registry id of the conflict's subject."""
    property: str
    """The conflicting property (`name` for a name conflict)."""
    kind: str | None = None
    """The conflict's kind (value, sum_rule, arithmetic, ...) where one subject and property have several."""
    scope: str | None = None
    """Scope of the conflict, if any."""
    population: str | None = None
    """Population of the conflict, if any."""
    value: int | str | None = None
    """The value the curator chose; without one, the curator has reviewed the conflict and leaves it open
    (the sources genuinely disagree), and the rationale says why."""
    rationale: str = Field(min_length=10)
    """Why, in a sentence a reader can check."""
    decided_by: str
    """Who decided."""
    claims: list[str] | None = None
    """The claims the curator reviewed; a claim that joins the conflict later reopens it."""


class LicenseEntry(_Strict):
    name: str
    """SPDX identifier of the licence, e.g. CC-BY-4.0."""
    title: str | None = None
    """The licence's full name."""
    path: str | None = None
    """URL of the licence text (http or https), or its path inside the package."""

    @field_validator("path")
    @classmethod
    def _link_or_relative_path(cls, value: str | None) -> str | None:
        return _link(value, relative=True)


class ContributorEntry(_Strict):
    title: str
    """Name of the person or team."""
    roles: list[str] = []
    """Data Package contributor roles, e.g. creator."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)
    """Contact address."""
    path: str | None = None
    """A page about the contributor (http or https), or its path inside the package."""

    @field_validator("path")
    @classmethod
    def _link_or_relative_path(cls, value: str | None) -> str | None:
        return _link(value, relative=True)
    organization: str | None = None
    """The organisation the contributor belongs to."""


class PackageMeta(_Strict):
    MULTILINE: ClassVar[frozenset] = frozenset({"description"})
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100)
    """Package name: lowercase letters, digits, '.', '_' and '-'."""
    title: str = Field(min_length=1)
    """Title shown to readers."""
    description: str = Field(min_length=1)
    """What the package holds, in a paragraph."""
    version: str = Field(pattern=r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
    """Version a build carries (MAJOR.MINOR.PATCH, optionally -suffix); a release stamps its own."""
    homepage: str | None = None
    """Project home page (http or https)."""
    repository: str | None = None
    """Where the toolkit's code and the seeds live (http or https)."""
    index_url: str | None = None
    """The canonical published releases/index.json, where `prisoner-data download` looks by default."""

    @field_validator("homepage", "repository", "index_url")
    @classmethod
    def _web_addresses(cls, value: str | None) -> str | None:
        return _link(value)
    keywords: list[str] = []
    """Search keywords."""
    licenses: list[LicenseEntry] = Field(min_length=1)
    """Licences of the data."""
    contributors: list[ContributorEntry] = []
    """Who made the package."""
    resources: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] = Field(min_length=1)
    """Resource names in descriptor order; each has schemas/<name>.schema.json."""
    _lines: dict = PrivateAttr(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        """The line of a key in schemas/package.yaml (kept from the YAML it was read from)."""
        return self._lines.get(key)

    @field_validator("resources")
    @classmethod
    def _distinct(cls, names: list[str]) -> list[str]:
        if len(set(names)) != len(names):
            raise ValueError("a resource is listed twice")
        return names


class PropertyDef(_Strict):
    MULTILINE: ClassVar[frozenset] = frozenset({"description"})
    subject: Literal["release", "person", "sanction", "place", "organisation"]
    """Kind of entity the property applies to."""
    type: Literal["count", "date", "entity", "text"]
    """Value type."""
    entity: str | None = None
    """For entity values: the kind of entity expected."""
    scope: str | None = None
    """Kind of entity a claim's scope must be, if scope is allowed."""
    scope_required: bool = False
    """Whether every claim of the property must name its scope."""
    population: bool = False
    """Whether a claim may restrict the count to a population."""
    maximum: int | None = None
    """For counts: the largest plausible figure; a larger one is refused as absurd."""
    dated: bool = False
    """Whether the value changes over time, so claims with different as_of are different facts."""
    ages: bool = False
    """For counts: the value is an age in years; claims of different dates are compared through the
    years between them, and tables show the latest with its date."""
    before_release: bool = False
    """For a person's dates: the date cannot fall after the person's release."""
    group: str | None = None
    """For counts of a place over time: the registry group they count (e.g. the political prisoners
    a release frees reduce it)."""
    values: Literal["one", "many"] = "one"
    """`many`: several values can all be true at once (a release's envoys, a person's roles, one person's
    sentences), so each is kept with its claims and only values that cannot both be true conflict;
    `one`: one true value, so values that differ are rival answers."""
    why: str | None = None
    """Why the property holds one value or several (the data dictionary shows it)."""
    description: str
    """What the property means."""


def parse_entry(model, raw: LineDict, report: Report, display: str):
    """`model(**raw)`, or None with every problem reported at its line (keys that are not text included)."""
    bad_keys = [k for k in raw if not isinstance(k, str)]
    if bad_keys:
        report.add("invalid-field", f"key {short(bad_keys[0], 40)} is not text", file=display,
                   line=raw.line_of(bad_keys[0]) if isinstance(raw, LineDict) else None)
        return None
    if not check_texts(raw, report, display, model.MULTILINE):
        return None
    try:
        return model(**raw)
    except ValidationError as exc:
        issues_from_validation(exc, raw, report, display)
        return None


def _nested(raw: LineDict, loc: tuple, line, value):
    """(line, value, dotted field) of the innermost part of `raw` that `loc` reaches."""
    node, name = raw, ""
    for step in loc:
        try:
            child = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line_of(step)
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
        node = value = child
    return line, None if isinstance(value, (dict, list)) else value, name


def issues_from_validation(exc: ValidationError, raw: LineDict, report: Report, display: str):
    """Turn pydantic errors into Issues located at the offending key's line."""
    model = next((m for m in _Strict.__subclasses__() if m.__name__ == exc.title), None)
    known = list(model.model_fields) if model is not None else []
    for err in exc.errors():
        loc = err["loc"]
        field = str(loc[0]) if loc else None
        line = raw.line_of(field) if isinstance(raw, LineDict) and field else getattr(raw, "line", None)
        value = raw.get(field) if isinstance(raw, dict) and field in raw else None
        if len(loc) > 1 and field in raw:  # inside a list of mappings (a licence's path): the line of that key
            line, value, field = _nested(raw, loc, line, value)
        kind = {"extra_forbidden": "unknown-field", "missing": "missing-field"}.get(err["type"], "invalid-field")
        retyped = read_as(value) if err["type"] == "string_type" else None
        placeholder = isinstance(value, str) and value.strip() in PLACEHOLDERS
        message = {
            "unknown-field": f"unknown field '{field}'",
            "missing-field": f"required field '{field}' is missing",
        }.get(kind, f"field '{field}': {short(err['msg'])}" if field else short(err["msg"]))
        report.add(
            kind,
            message,
            file=display,
            line=line,
            field=field,
            value=None if value is None else short(value),
            hint=nearest_hint(field, known) if kind == "unknown-field" and known else
            f"YAML reads it as {retyped}; " + quote_it(field, value) if retyped else
            f"replace {value.strip()} with the article's {field} (from its page), or write {field}: null if it has "
            "none" if placeholder else None,
        )
