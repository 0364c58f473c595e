"""Parse the claim ledger: typed values, resolved entities, located quotes.

Each claim is checked against the property vocabulary (schemas/properties.yaml),
the registry and its article. Every problem becomes an Issue naming the claims
file, line and field; claims with errors are left out of the result.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .entities import Registry, normalize
from .figures import Mentions, count_in_text, find_mentions, uncited
from .models import ClaimEntry, PropertyDef, SkippedEntry, parse_entry
from ..project import Project
from ..report import Report
from .sources import Source
from ..values import COUNT_QUALIFIERS, DATE_QUALIFIERS, QUALIFIER_WORDS, Count, DateValue, parse_date
from .yamlio import (LineDict, check_texts, line_dict, load_yaml, nearest_hint, outside_project, quote_it, read_as,
                     report_duplicate_keys, report_unknown_keys, short)


CLAIMS_FILE_KEYS = ("source", "claims", "skipped", "draft")


@dataclass(frozen=True, slots=True)
class Claim:
    """One thing one source says, typed and located."""

    id: str
    source: str
    subject: str
    property: str
    value: object  # Count | DateValue | str (entity id or text); None for a date given as an event
    raw_value: str
    scope: str | None
    population: str | None
    as_of: DateValue | None
    attributed_to: str | None
    attributed_as: str | None
    mention: str | None  # the spelling an entity value was given as
    quote: str
    quote_line: int
    note: str | None
    file: str
    line: int
    qualifier: str = "exact"
    breakdown: str | None = None  # the partition into which the article breaks this count down completely
    event: str | None = None  # a date given as "the date of release X": X's id
    origin: str = ""  # who stands behind the claim: the attributed entity, else the outlet
    origin_name: str = ""
    said_on: DateValue | None = None  # when its article was published

    def __reduce__(self):
        # the fields in order, one call to rebuild: several times faster than the generic pickling of a
        # frozen slotted dataclass, which matters when workers send back a million claims
        return Claim, tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True)
class Skipped:
    """A number or date in an article deliberately not recorded."""

    source: str
    quote: str
    reason: str
    file: str
    line: int


@dataclass
class Ledger:
    claims: list[Claim]
    skipped: list[Skipped]
    uncited: dict[str, list] = field(default_factory=dict)
    """Per source with a claims file: the counts and dates of its article that no quote covers."""


def load_vocabulary(project: Project, report: Report) -> dict[str, PropertyDef]:
    """Read schemas/properties.yaml."""
    display = project.rel(project.properties)
    vocabulary: dict[str, PropertyDef] = {}
    if outside_project(project, project.properties, report):
        return vocabulary
    doc = load_yaml(project.properties, report, display)
    if not isinstance(doc, dict) or not isinstance(doc.get("properties"), dict):
        if doc is not None:
            report.add("invalid-vocabulary", "expected a 'properties' mapping", file=display, line=1)
        return vocabulary
    report_duplicate_keys(doc, report, display)
    report_duplicate_keys(doc["properties"], report, display)
    report_unknown_keys(doc, {"properties"}, report, display)
    names = line_dict(doc["properties"].line)  # each name as a text of its own line
    names.update((name, name) for name in doc["properties"])
    names.key_lines = doc["properties"].key_lines
    if not check_texts(names, report, display):
        return vocabulary  # a property's name is one line of plain text, like every id
    for name, raw in doc["properties"].items():
        report_duplicate_keys(raw, report, display)
        if not isinstance(raw, LineDict):
            report.add("invalid-property", f"property '{name}' must be a mapping", file=display,
                       line=doc["properties"].line_of(name))
            continue
        prop = parse_entry(PropertyDef, raw, report, display)
        if prop is not None:
            vocabulary[name] = prop
    return vocabulary


PARALLEL_FROM_BYTES = 4 << 20
"""Claims files smaller than this in all are checked in this process: starting helpers would cost more than it saves."""


def load_claims(
    project: Project,
    sources: dict[str, Source],
    registry: Registry,
    vocabulary: dict[str, PropertyDef],
    report: Report,
) -> Ledger:
    """Read every seeds/claims/*.yaml file in name order and check each claim.

    Each file is checked on its own (by several processes when there are many: see toolkit.workers);
    what depends on the files before it (a claim id used twice, the article quotes that cite nothing)
    is decided here, in name order, so the result is the same however the files were shared out."""
    from ..workers import ordered_map, processes_for

    # a claims folder that is a link out is refused as a whole; each file is checked where it is read
    paths = [] if outside_project(project, project.claims_dir, report) else sorted(project.claims_dir.glob("*.yaml"))
    processes = processes_for(sum(_size(p) for p in paths), PARALLEL_FROM_BYTES)
    ledger, first_seen = Ledger([], []), {}
    for checked in ordered_map(_check_file, paths, processes, shared=(project, sources, registry, vocabulary)):
        _merge(checked, report, ledger, first_seen, sources)
    return ledger


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Checked(NamedTuple):
    """One claim as checked within its file: what `_merge` needs to accept it, or to find its id used before."""

    head: tuple  # issues raised before its id was known (duplicate keys, a malformed entry)
    id: str | None  # None: the entry did not get as far as its id
    id_line: int
    line: int
    rest: tuple  # the issues of the checks after the id
    claim: Claim | None


@dataclass
class _CheckedFile:
    """What one claims file gives on its own."""

    display: str
    issues: list  # about the file itself; everything, when it gives no claims
    source: str | None = None  # None: the file gives no claims
    claims: list[_Checked] = field(default_factory=list)
    tail: list = field(default_factory=list)  # the issues of its skipped entries
    skipped: list[Skipped] = field(default_factory=list)
    uncited: list = field(default_factory=list)  # the article's counts and dates no quote of the file covers


def _check_file(project, sources, registry, vocabulary, path: Path) -> _CheckedFile:
    display = project.rel(path)
    report = Report()
    checked = _CheckedFile(display, report.issues)
    if outside_project(project, path, report):
        return checked
    doc = load_yaml(path, report, display)
    if doc is None:
        return checked
    if not isinstance(doc, LineDict) or not isinstance(doc.get("claims"), list):
        report.add("invalid-claims-file", "a claims file needs 'source' and a 'claims' list", file=display,
                   line=doc.line_of("claims") if isinstance(doc, LineDict) else 1)
        return checked
    report_duplicate_keys(doc, report, display)
    report_unknown_keys(doc, CLAIMS_FILE_KEYS, report, display)
    if doc.get("draft"):
        report.add("unreviewed-draft", f"{display} is a draft from `prisoner-data extract`; nothing drafted "
                   "enters the dataset unreviewed", file=display, line=doc.line_of("draft"), field="draft",
                   hint="check every claim against the article, then remove `draft: true`")
        return checked
    source_id = doc.get("source")
    if not check_texts(doc, report, display, keys=("source",)):
        return checked
    source = sources.get(source_id) if isinstance(source_id, str) else None
    if source is None:
        report.add("unknown-source", f"source {short(source_id, 80)!r} is not a verified article of the manifest",
                   file=display, line=doc.line_of("source"), field="source", value=short(source_id),
                   hint="add the article to seeds/manifest.yaml, or fix its hash")
        return checked
    if path.stem != source_id:
        report.add("file-name-mismatch", f"claims of '{source_id}' belong in seeds/claims/{source_id}.yaml",
                   severity="warning", file=display, line=doc.line_of("source"), field="source")
    skipped = doc.get("skipped") or []
    if not isinstance(skipped, list):
        report.add("invalid-claims-file", "'skipped' must be a list of {quote, reason} entries", file=display,
                   line=doc.line_of("skipped"), field="skipped")
        skipped = []
    checked.source = source.id
    located = source.locate([raw.get("quote") for raw in [*doc["claims"], *skipped] if isinstance(raw, dict)])
    checker = _ClaimChecker(source, registry, vocabulary, Report(), display, located)
    checked.claims = [checker.check(raw, doc.line_of("claims")) for raw in doc["claims"]]
    after_claims = len(checker.report.issues)
    for raw in skipped:
        entry = checker.check_skipped(raw, doc.line_of("skipped"))
        if entry is not None:
            checked.skipped.append(entry)
    checked.tail = checker.report.issues[after_claims:]
    # a claim with an error still cites what its quote covers: the warnings stay true beside the errors
    quotes = {raw["quote"] for raw in doc["claims"] if isinstance(raw, dict) and isinstance(raw.get("quote"), str)}
    checked.uncited = _uncited(checker.mentions.citable, located, quotes | {s.quote for s in checked.skipped})
    return checked


def _merge(checked: _CheckedFile, report: Report, ledger: Ledger, first_seen: dict, sources: dict) -> None:
    """Add one file's claims to the ledger, after every file before it: a claim whose id an earlier
    claim has is left out with only that said of it, as if the files had been read one by one."""
    report.extend(checked.issues)
    if checked.source is None:
        return
    quotes, dropped = set(), False
    for entry in checked.claims:
        report.extend(entry.head)
        if entry.id is None:
            continue
        if entry.id in first_seen:
            report.add("duplicate-id", f"claim id '{entry.id}' is already used at %s:%d" % first_seen[entry.id],
                       file=checked.display, line=entry.id_line, field="id", value=entry.id,
                       hint="give every claim a unique id")
            dropped = dropped or entry.claim is not None
            continue
        first_seen[entry.id] = (checked.display, entry.line)
        report.extend(entry.rest)
        if entry.claim is not None:
            ledger.claims.append(entry.claim)
            quotes.add(entry.claim.quote)
    report.extend(checked.tail)
    ledger.skipped.extend(checked.skipped)
    # the coverage lint's work. The file's own answer holds unless a claim it counted was left out
    # here, or an earlier file of the same article left less to cover: then it is worked out again.
    left = ledger.uncited.get(checked.source)
    if left is None and not dropped:
        ledger.uncited[checked.source] = checked.uncited
        return
    source = sources[checked.source]
    quotes.update(entry.quote for entry in checked.skipped)
    citable = left if left is not None else _mentions_of(source).citable
    ledger.uncited[checked.source] = _uncited(citable, source.locate(quotes), quotes)


def _mentions_of(source: Source) -> Mentions:
    """The counts and dates of an article, read as of the day it was published."""
    return find_mentions(source.text, parse_date(source.entry.published))


def _uncited(citable: list, located: dict[str, list[int]], quotes: set[str]) -> list:
    """The citable mentions that none of `quotes` covers where it stands in the article."""
    return uncited(citable, [(start, start + len(quote)) for quote in quotes for start in located.get(quote, ())])


class _ClaimChecker:
    """Checks the claims of one file against its article, the vocabulary and the registry."""

    def __init__(self, source: Source, registry: Registry, vocabulary, report: Report, display: str,
                 located: dict[str, list[int]]):
        self.source, self.registry, self.vocabulary, self.located = source, registry, vocabulary, located
        self.report, self.display = report, display
        self.said_on = parse_date(source.entry.published)
        outlet = source.entry.outlet
        self.own_voice = (f"outlet:{normalize(outlet)}", outlet) if outlet else (f"source:{source.id}", source.id)
        self._mentions: Mentions | None = None

    @property
    def mentions(self) -> Mentions:
        """The counts and dates of the article (found once per claims file)."""
        if self._mentions is None:
            self._mentions = _mentions_of(self.source)
        return self._mentions

    def error(self, raw: LineDict, type_: str, message: str, field: str, **extra) -> None:
        self.report.add(type_, message, file=self.display, line=raw.line_of(field), field=field, **extra)

    def check(self, raw, list_line: int) -> _Checked:
        issues = self.report.issues
        start = len(issues)
        if not isinstance(raw, LineDict):
            self.report.add("invalid-claim", f"each claim must be a mapping, got {short(raw, 60)}",
                            file=self.display, line=list_line)
            return _Checked(tuple(issues[start:]), None, 0, 0, (), None)
        report_duplicate_keys(raw, self.report, self.display)
        entry = parse_entry(ClaimEntry, raw, self.report, self.display)
        if entry is None:
            return _Checked(tuple(issues[start:]), None, 0, 0, (), None)
        head, issues_before = tuple(issues[start:]), len(issues)
        claim = self._typed_claim(raw, entry)
        return _Checked(head, entry.id, raw.line_of("id"), raw.line, tuple(issues[issues_before:]), claim)

    def _typed_claim(self, raw, entry: ClaimEntry) -> Claim | None:
        issues_before = len(self.report.issues)
        prop = self.vocabulary.get(entry.property)
        if prop is None:
            close = difflib.get_close_matches(entry.property, list(self.vocabulary), n=1, cutoff=0.6)
            self.error(raw, "unknown-property", f"unknown property '{entry.property}'", "property",
                       value=entry.property, hint=(f"did you mean '{close[0]}'? " if close else "") +
                       "use a property from schemas/properties.yaml")
            return None
        self._check_subject(raw, entry, prop)
        self._check_qualifiers(raw, entry, prop)
        value, mention, event = self._typed_value(raw, entry, prop)
        offset, quote_line = self._locate_quote(raw, entry.quote)
        if isinstance(value, Count) and offset >= 0:
            self._check_count_in_quote(raw, entry, value, offset)
        as_of = self._date(raw, entry.as_of, "as_of") if entry.as_of else None
        attributed = self._resolve(raw, entry.attributed_to, "attributed_to") if entry.attributed_to else None
        for field_name, date in (("value", value), ("as_of", as_of)):
            if isinstance(date, DateValue):
                self._check_date_bounds(raw, field_name, date)
        if any(i.severity == "error" for i in self.report.issues[issues_before:]):
            return None
        origin, origin_name = self._origin(attributed)
        raw_value = "-".join(map(str, entry.value)) if isinstance(entry.value, list) else str(entry.value)
        return Claim(
            id=entry.id, source=self.source.id, subject=entry.subject, property=entry.property,
            value=value, raw_value=raw_value, scope=entry.scope, population=entry.population,
            as_of=as_of, attributed_to=attributed, attributed_as=entry.attributed_to, mention=mention,
            quote=entry.quote, quote_line=quote_line, note=entry.note, file=self.display, line=raw.line,
            qualifier="between" if isinstance(entry.value, list) else entry.qualifier, breakdown=entry.breakdown,
            event=event, origin=origin, origin_name=origin_name, said_on=self.said_on,
        )

    def _origin(self, attributed: str | None) -> tuple[str, str]:
        """The claim's origin: whom the article attributes it to, else the outlet in its own voice."""
        if attributed:
            return attributed, self.registry.get(attributed).name
        return self.own_voice

    def _check_subject(self, raw, entry: ClaimEntry, prop: PropertyDef) -> None:
        kind = self.registry.kind(entry.subject)
        if kind is None:
            self._unknown(raw, entry.subject, "subject")
        elif kind != prop.subject:
            self.error(raw, "wrong-subject-kind",
                       f"'{entry.property}' applies to a {prop.subject}, but '{entry.subject}' is a {kind}",
                       "subject", value=entry.subject)

    def _check_qualifiers(self, raw, entry: ClaimEntry, prop: PropertyDef) -> None:
        allowed = {"count": COUNT_QUALIFIERS, "date": DATE_QUALIFIERS}.get(prop.type, ("exact",))
        if entry.qualifier not in allowed or entry.qualifier == "between":
            hint = ("a range is written as the value [low, high]" if entry.qualifier == "between" else
                    f"use one of: {', '.join(q for q in allowed if q != 'between')}" if len(allowed) > 1 else
                    "remove the qualifier")
            self.error(raw, "qualifier-not-allowed", f"'{entry.property}' is a {prop.type}; it takes no qualifier "
                       f"'{entry.qualifier}'", "qualifier", value=entry.qualifier, hint=hint)
        if isinstance(entry.value, list) and entry.qualifier != "exact":
            self.error(raw, "qualifier-not-allowed", "a range [low, high] takes no qualifier", "qualifier",
                       value=entry.qualifier)
        if entry.scope is None and prop.scope_required:
            self.error(raw, "missing-field", f"'{entry.property}' needs a scope: the {prop.scope} it is about",
                       "scope", hint=f"add `scope:` with a registry {prop.scope} id")
        if entry.scope is not None:
            if not prop.scope:
                self.error(raw, "scope-not-allowed", f"'{entry.property}' takes no scope", "scope", value=entry.scope)
            elif self.registry.kind(entry.scope) is None:
                self._unknown(raw, entry.scope, "scope")
            elif self.registry.kind(entry.scope) != prop.scope:
                self.error(raw, "wrong-scope-kind", f"scope '{entry.scope}' must be a {prop.scope}", "scope", value=entry.scope)
        if entry.population is not None:
            if not prop.population:
                self.error(raw, "population-not-allowed", f"'{entry.property}' takes no population", "population")
            elif self.registry.kind(entry.population) != "group":
                self._unknown(raw, entry.population, "population", expected="group")
        if entry.breakdown is not None:
            if not prop.population:
                self.error(raw, "breakdown-not-allowed", f"'{entry.property}' is not broken down by groups",
                           "breakdown")
            elif entry.breakdown not in self.registry.partitions():
                self.error(raw, "unknown-partition", f"no group of the registry belongs to partition "
                           f"'{entry.breakdown}'", "breakdown", value=entry.breakdown,
                           hint=nearest_hint(entry.breakdown, self.registry.partitions()))

    def _typed_value(self, raw, entry: ClaimEntry, prop: PropertyDef):
        """(typed value, the spelling an entity was given as, the release a date refers to)."""
        value = entry.value
        if prop.type == "count":
            low, high = (value if isinstance(value, list) else (value, value)) if not isinstance(value, str) \
                else (value, value)
            if not isinstance(low, int) or low < 0:
                self.error(raw, "invalid-count", f"count must be a whole number ≥ 0 or a range [low, high], got "
                           f"{value!r}", "value", value=str(value))
                return None, None, None
            if prop.maximum is not None and high > prop.maximum:
                self.error(raw, "absurd-count", f"{high} is more than any plausible '{entry.property}' "
                           f"(at most {prop.maximum})", "value", value=str(value),
                           hint="check the figure against the article; a typo often adds digits")
                return None, None, None
            if isinstance(value, list):
                return Count(low, "between", high), None, None
            return Count(value, entry.qualifier), None, None
        if not isinstance(value, str):
            retyped = read_as(raw.get("value"))
            self.error(raw, "invalid-value", f"'{entry.property}' takes a {prop.type}, got {value!r}", "value",
                       value=str(value), hint=f"YAML reads it as {retyped}; {quote_it('value', value)}" if retyped
                       else None)
            return None, None, None
        if prop.type == "text" and read_as(raw.get("value")):
            self.error(raw, "invalid-value", f"'{entry.property}' takes a text; YAML reads {value!r} as "
                       f"{read_as(raw.get('value'))}", "value", value=str(value),
                       hint=quote_it("value", raw.get("value")))
            return None, None, None
        if prop.type == "date":
            if self.registry.kind(value) == "release":
                if self.registry.kind(entry.subject) == "release":
                    self.error(raw, "invalid-date", "a release's own date cannot be given as another release's",
                               "value", value=value)
                return None, None, value
            return self._date(raw, value, "value", entry.qualifier), None, None
        if prop.type == "entity":
            entity_id = self._resolve(raw, value, "value")
            if entity_id and prop.entity and self.registry.kind(entity_id) != prop.entity:
                self.error(raw, "wrong-value-kind", f"'{entry.property}' takes a {prop.entity}; '{value}' is a "
                           f"{self.registry.kind(entity_id)}", "value", value=value)
            return entity_id, value, None
        return value.strip(), None, None

    def _date(self, raw, text: str, field: str, qualifier: str = "exact") -> DateValue | None:
        try:
            return parse_date(text, qualifier if qualifier in DATE_QUALIFIERS else "exact")
        except ValueError as exc:
            self.error(raw, "invalid-date", f"{field}: {exc}", field, value=text,
                       hint='write "YYYY", "YYYY-MM" or "YYYY-MM-DD" in quotes, or the id of a release for its date')
            return None

    def _check_date_bounds(self, raw, field: str, date: DateValue) -> None:
        published = parse_date(self.source.entry.published)
        if date.start > dt.date.today():
            self.error(raw, "future-date", f"{field} {date} is in the future", field, value=str(date),
                       hint="a claim records what already happened; check the year")
        elif date.start > published.end:
            self.error(raw, "date-after-publication",
                       f"{field} {date} is after the article was published ({published})", field, value=str(date),
                       hint="an article cannot report what happened after it was published; check the date")

    def _resolve(self, raw, mention: str, field: str) -> str | None:
        result = self.registry.resolve(mention)
        if result.entity_id:
            return result.entity_id
        if result.candidate:
            self.error(raw, "probable-variant",
                       f"'{mention}' is not in the registry but is close to '{result.candidate_name}' "
                       f"({result.candidate}, similarity {result.score:.0f}); it was not merged",
                       field, value=mention,
                       hint=f"if it is the same entity, add '{mention}' to the aliases of {result.candidate} "
                            "in seeds/registry.yaml; otherwise register a new entity")
            return None
        self._unknown(raw, mention, field)
        return None

    def _unknown(self, raw, value: str, field: str, expected: str = "entity") -> None:
        kind = {"group": "group"}.get(expected)
        ids = [e.id for e in self.registry.entities.values() if kind is None or e.kind == kind]
        close = difflib.get_close_matches(str(value).lower(), ids, n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'? " if close else ""
        self.error(raw, "unknown-entity", f"{field} '{value}' is not a registry {expected}", field, value=value,
                   hint=hint + "use an id from seeds/registry.yaml or add the entity there")

    def _check_count_in_quote(self, raw, entry, value: Count, offset: int) -> None:
        """Warn when the quote does not give the count: its figure in digits or words, with its qualifier
        ("a count of 115 quoting '114 arrived'", "more than 100" recorded as exactly 100). A count the
        article implies ("X and 113 others") carries a note that says how, and is not warned about."""
        if entry.note or self.mentions.quoted_count(offset, offset + len(entry.quote), value):
            return  # most quotes: a count the article's own pass found inside the quote
        if not count_in_text(entry.quote, value):
            said = f"{QUALIFIER_WORDS[value.qualifier]}{value.value}" + (f" and {value.upper}" if value.upper else "")
            self.report.add("count-not-in-quote", f"the quote does not give the count '{said}'", severity="warning",
                            file=self.display, line=raw.line_of("quote"), field="quote", value=entry.quote[:80],
                            hint="quote the words that give the figure (with its qualifier), or correct the value; "
                                 "for a figure the article implies but does not write, say how in `note`")

    def _locate_quote(self, raw, quote: str) -> tuple[int, int]:
        """The quote's first offset in the article and its line; (-1, 0) with an error when it is not there."""
        retyped = read_as(raw.get("quote"))
        if retyped:  # unquoted, YAML made it a date: its text is not the article's any more
            self.error(raw, "quote-not-text", f"the quote {quote!r} is not text: YAML reads it as {retyped}",
                       "quote", value=quote[:80], hint=quote_it("quote", raw.get("quote")))
            return -1, 0
        offset = self.located[quote][0] if quote in self.located else -1
        if offset < 0 or "\n" in quote:
            self.error(raw, "quote-not-found",
                       f"quote not found verbatim in {self.source.entry.path}", "quote", value=quote[:80],
                       hint="copy the words exactly from the article (same quotes and dashes, one line)")
            return -1, 0
        return offset, self.source.line_of(offset)

    def check_skipped(self, raw, list_line: int) -> Skipped | None:
        if not isinstance(raw, LineDict):
            self.report.add("invalid-skipped", f"each skipped entry must be a mapping, got {short(raw, 60)}",
                            file=self.display, line=list_line)
            return None
        entry = parse_entry(SkippedEntry, raw, self.report, self.display)
        if entry is None:
            return None
        if entry.quote not in self.located:
            self.error(raw, "quote-not-found", f"skipped quote not found in {self.source.entry.path}", "quote",
                       value=entry.quote[:80])
            return None
        return Skipped(self.source.id, entry.quote, entry.reason, self.display, raw.line)
