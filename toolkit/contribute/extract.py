"""Find counts, dates and names in an article, and draft a claims file from them.

The detectors are shared by `prisoner-data extract` (which drafts claims for a
contributor to review) and by the coverage lint of `validate` (which warns
about numbers and dates that no claim cites and no `skipped:` entry explains).
A draft is marked `draft: true`; the build refuses it until a person has
checked every claim and removed the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.entities import Registry

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTH_ABBREVIATIONS = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
QUALIFIERS = [
    (r"more than|over|in excess of", "more_than"), (r"at least|no fewer than|no less than", "at_least"),
    (r"about|around|some|nearly|almost|approximately|roughly", "about"), (r"at most|up to|no more than", "at_most"),
    (r"fewer than|less than|under", "fewer_than"),
]
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
DATE_PATTERNS = [
    re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH})(?: (?P<year>(?:19|20)\d\d))?"),
    re.compile(rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}})\b(?:,? (?P<year>(?:19|20)\d\d))?"),
    re.compile(rf"(?P<month>{_MONTH})(?: (?P<year>(?:19|20)\d\d))?(?!\w)"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\b(?![-,.]?\d)"),
]
NUMBER = re.compile(r"(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\w,]*\d)(?:-year)?|"
                    r"\b(?P<word>" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
FREEING = re.compile(r"\b(free|freed|releas|pardon|prisoner|captive|civilian|jail|detain|transferr|sent|arriv|"
                     r"handed|taken|deport|remain|behind bars|sentenc|people|sanction|talks)", re.IGNORECASE)
ONE_NATIONAL = re.compile(r"\b(?:An?|an?) (?P<nationality>[A-Z][a-z]+) (?:citizen|national)\b")
LEADING_WORDS = {"The", "In", "On", "A", "An", "And", "But", "President", "Lawyer", "Former", "Exiled", "Veteran",
                 "Nobel", "US", "U.S."}
NAME = re.compile(r"\b(?:[A-Z][a-z’'-]+)(?: (?:[A-Z][a-z’'-]+)){1,3}\b")


@dataclass(frozen=True)
class Mention:
    kind: str  # count | date | entity | candidate
    text: str
    start: int
    end: int
    line: int
    value: object = None
    qualifier: str = "exact"


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def find_dates(text: str, year: int | None = None) -> list[Mention]:
    """Dates with their precision; a day or month without a year takes `year` if given."""
    found, taken = [], []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            value = _date_value(match.groupdict(), year)
            taken.append((match.start(), match.end()))
            found.append(Mention("date", match.group(0), match.start(), match.end(), _line(text, match.start()),
                                 value))
    return sorted(found, key=lambda m: m.start)


def _date_value(parts: dict, year: int | None) -> str | None:
    y = int(parts["year"]) if parts.get("year") else year
    month = parts.get("month")
    if month is None:
        return str(y)
    key = month.rstrip(".").lower()
    m = MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key[:4]) or MONTH_ABBREVIATIONS.get(key[:3])
    if y is None:
        return None
    if parts.get("day"):
        return f"{y:04d}-{m:02d}-{int(parts['day']):02d}"
    return f"{y:04d}-{m:02d}"


def find_counts(text: str, dates: list[Mention] | None = None) -> list[Mention]:
    """Whole numbers (digits or words up to twenty) that are not part of a date, with their qualifier."""
    dates = [(m.start, m.end) for m in (find_dates(text) if dates is None else dates)]
    found = []
    for match in NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in dates):
            continue
        raw = match.group("digits") or match.group("word")
        value = int(raw.replace(",", "")) if match.group("digits") else NUMBER_WORDS[raw.lower()]
        if match.group("word") and raw.lower() == "one" and not raw[0].isupper():
            continue  # "one of", "one step": too often not a count
        before = text[max(0, match.start() - 25): match.start()].lower()
        qualifier = next((q for words, q in QUALIFIERS if re.search(rf"\b(?:{words})\s+$", before)), "exact")
        found.append(Mention("count", match.group(0), match.start(), match.end(), _line(text, match.start()),
                             value, qualifier))
    return found


def find_entities(text: str, registry: Registry) -> list[Mention]:
    """Spellings the registry knows, longest first, never overlapping."""
    spellings = sorted({s for e in registry.entities.values() for s in (e.name, *e.aliases, *e.misspellings)},
                       key=len, reverse=True)
    found, taken = [], []
    for spelling in spellings:
        for match in re.finditer(rf"(?<!\w){re.escape(spelling)}(?!\w)", text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            entity = registry.resolve(spelling).entity_id
            found.append(Mention("entity", spelling, match.start(), match.end(), _line(text, match.start()), entity))
    return sorted(found, key=lambda m: m.start)


def find_candidates(text: str, registry: Registry) -> list[Mention]:
    """Capitalized multi-word names the registry does not know, with a near-miss candidate if any."""
    spans = [(m.start, m.end) for m in find_entities(text, registry)]
    found, seen = [], set()
    for match in NAME.finditer(text):
        name = re.sub(r"[’']s$", "", match.group(0))
        words = name.split()
        if words[0] in LEADING_WORDS:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or name in seen or words[0].lower() in MONTHS:
            continue
        if any(match.start() < e and s < match.end() for s, e in spans):
            continue  # holds a name the registry knows
        seen.add(name)
        guess = registry.resolve(name)
        if guess.entity_id:
            continue
        found.append(Mention("candidate", name, match.start(), match.end(), _line(text, match.start()),
                             guess.candidate))
    return found


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (within its line) holding text[start:end]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max((text.rfind(p, line_start, start) for p in (". ", "? ", "! ")), default=-1)
    left = line_start if left < line_start else left + 2
    rights = [i for i in (text.find(p, end, line_end) for p in (". ", "? ", "! ")) if i >= 0]
    right = min(rights) + 1 if rights else line_end
    return left, right


@dataclass(frozen=True)
class Draft:
    """A drafted claim: what the detectors think the sentence says, for a person to check."""

    property: str
    value: object
    quote: str
    line: int
    qualifier: str = "exact"
    scope: str | None = None
    subject: str = "TODO"
    note: str = ""


def draft_claims(text: str, registry: Registry, year: int | None = None) -> list[Draft]:
    """Counts near words about freeing, prisoners, sentences and destinations, and dated events."""
    entities = find_entities(text, registry)
    drafts = []
    for count in find_counts(text):
        left, right = sentence_around(text, count.start, count.end)
        sentence = text[left:right]
        aged = text[count.start - 2: count.start] == ", " and text[count.end: count.end + 1] == ","
        if not FREEING.search(sentence) and "year" not in text[count.end: count.end + 12] and not aged:
            continue
        drafts.append(_draft_count(text, count, left, right, entities, registry))
    for match in ONE_NATIONAL.finditer(text):
        left, right = sentence_around(text, match.start(), match.end())
        if FREEING.search(text[left:right]):
            drafts.append(Draft("released_count", 1, text[left:right].strip(), _line(text, match.start()),
                                note=f"one {match.group('nationality')} national: set the population group"))
    for date in find_dates(text, year):
        if date.value is None:
            continue
        left, right = sentence_around(text, date.start, date.end)
        if FREEING.search(text[left:right]) or re.search(r"sanction", text[left:right], re.IGNORECASE):
            drafts.append(Draft("date", date.value, text[left:right].strip(), date.line,
                                note=f"'{date.text}' read as {date.value}; choose the property and subject"))
    return sorted(drafts, key=lambda d: (d.line, d.quote))


def _draft_count(text: str, count: Mention, left: int, right: int, entities, registry) -> Draft:
    after = text[count.end: count.end + 14].lower()
    sentence = text[left:right]
    quote = sentence.strip()
    in_sentence = [e for e in entities if left <= e.start < right]
    people = [e.value for e in in_sentence if registry.kind(e.value) == "person"]
    if after.startswith(" days of talks"):
        return Draft("negotiation_days", count.value, quote, count.line)
    if after.startswith(("-year", " year")) and "old" not in after:
        return Draft("sentence_years", count.value, quote, count.line, subject=people[0] if people else "TODO")
    if after.startswith((" years old", ",")) and people and re.search(r"\d+,", text[count.start: count.end + 1]):
        return Draft("age", count.value, quote, count.line, subject=people[-1])
    if re.search(r"remain|behind bars|as of", sentence, re.IGNORECASE):
        countries = [e.value for e in in_sentence if registry.kind(e.value) == "place"]
        return Draft("political_prisoner_count", count.value, quote, count.line, count.qualifier,
                     subject=registry.top(countries[0]) if countries else "TODO")
    places = [e for e in in_sentence if registry.kind(e.value) == "place" and 0 < e.start - count.end < 80
              and re.search(r"\b(to|in|arrived|transferred|sent|handed over)\b", text[count.end:e.start])]
    if places:
        return Draft("destination_count", count.value, quote, count.line, count.qualifier, scope=places[0].value)
    return Draft("released_count", count.value, quote, count.line, count.qualifier)


def manifest_stub(source_id: str, data: bytes) -> list[str]:
    """A manifest entry for the article, with its size and sha256 filled in, as comment lines."""
    import hashlib

    return [
        "# Add this entry to seeds/manifest.yaml (fill in outlet, title and date; say what is inferred):",
        f"#  - id: {source_id}", f"#    path: articles/{source_id}.txt", "#    outlet: OUTLET",
        "#    outlet_inferred: false", "#    title: TITLE", '#    published: "YYYY-MM-DD"',
        "#    published_precision: day", "#    published_inferred: false", "#    language: en",
        f"#    bytes: {len(data)}", f"#    sha256: {hashlib.sha256(data).hexdigest()}",
    ]


def render_draft(source_id: str, drafts: list[Draft], entities: list[Mention], candidates: list[Mention],
                 header: list[str] = ()) -> str:
    """The draft as a claims file a contributor edits; refused by the build until `draft: true` is removed."""
    import yaml

    lines = [*header,
        f"# Draft claims for {source_id}, made by `prisoner-data extract`. Check every claim against the",
        "# article: fix subject (TODO), property, value and qualifier; delete what is not a claim; add what",
        "# was missed. Then remove `draft: true` and move the file to seeds/claims/.",
        "draft: true",
        f"source: {source_id}",
        "claims:",
    ]
    for number, d in enumerate(drafts, 1):
        lines.append(f"  - id: {source_id[:2]}-{number:03d}")
        lines.append(f"    subject: {d.subject}")
        lines.append(f"    property: {d.property}")
        lines.append(f"    value: {d.value if isinstance(d.value, int) else json_string(d.value)}")
        if d.qualifier != "exact":
            lines.append(f"    qualifier: {d.qualifier}")
        if d.scope:
            lines.append(f"    scope: {d.scope}")
        lines.append(f"    quote: {yaml.safe_dump(d.quote, default_style=chr(34), width=10**6, allow_unicode=True).strip()}")
        if d.note:
            lines.append(f"    note: {json_string(d.note)}")
    lines.append("# Known entities found (id: spellings):")
    by_id: dict[str, set[str]] = {}
    for mention in entities:
        by_id.setdefault(mention.value, set()).add(mention.text)
    lines += [f"#   {entity_id}: {', '.join(sorted(s))}" for entity_id, s in sorted(by_id.items())]
    lines.append("# Capitalized names the registry does not know (register them, or ignore):")
    lines += [f"#   {m.text} (line {m.line})" + (f" - close to {m.value}?" if m.value else "") for m in candidates]
    return "\n".join(lines) + "\n"


def json_string(value) -> str:
    import json

    return json.dumps(str(value), ensure_ascii=False)
