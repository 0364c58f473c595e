"""Counts and dates as articles write them, and the dateline an article opens with.

Figures are digits ("1,100") or words ("Twelve", "twenty-three", "a dozen"), with the qualifier in
front of them (more than, over, at least, almost, nearly, about, some, up to, fewer than, under) or
as a range ("between 20 and 25"). Dates are written with or without a weekday and a year, with
full or abbreviated months ("Friday, Dec. 12", "13 December 2025", "May 2021", "2022"); a date
without a year takes the article's year (the year before, if the month lies after the article's).
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from dataclasses import dataclass

from ..values import DateValue

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
ABBREVIATIONS = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_S = r"(?:[^\S\n]+|(?<=[,.])[^\S\n]*\n[^\S\n]*)"
"""The space between a date's words, any but a line break, but for one a page wrapped after a comma or a full stop
("November 20," / "2025", "Sept." / "11"): "... after releasing 14" / "July 2, ..." is no 14 July; "20 November" / "" /
"2026 has been ..." is 20 November of the page's year; a no-break space is a space."""
_WEEKDAY = rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?{_S})"
_YEAR = r"(?:19|20)\d\d"
_LAST_YEAR = rf"(?P<last>,?{_S}(?:of{_S})?last{_S}year\b)"
"""A day or month of the year before the article's: "on March 3 last year", "in February of last year"."""
DATE_PATTERNS = [
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b"),
    # "24.05.2018": a day, a month and a year, as Europe writes them (not "1.5 million", nor a version, an article or a
    # law's number, "version 3.11.2020", "Article 1.10.2011", nor a share, "3.11.2020%"; a day the month has: `_value`)
    re.compile(r"(?<![\w.])(?<!version\s)(?<!\bv\s)(?<!Article\s)(?<!No\.\s)(?<!§\s)"
               r"(?P<dotted>(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)(?!\.?\w|\s*%)"),
    # "27 November", "the 27th of November", "2nd of June 2023"
    re.compile(rf"\b{_WEEKDAY}?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_S}of)?{_S}(?P<month>{_MONTH})"
               rf"(?:,?{_S}(?P<year>{_YEAR})(?!\w)|{_LAST_YEAR}|(?!\w))"),
    # "November 27", "November 27th, 2026", "March 3 last year"
    re.compile(rf"\b{_WEEKDAY}?(?P<month>{_MONTH}){_S}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d\w])"
               rf"(?:,?{_S}(?P<year>{_YEAR})|{_LAST_YEAR})?"),
    # "November", "November 2026", "February of last year"; not a short form before a name ("Jan Wolny")
    re.compile(rf"\b(?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\s+[A-Z][a-z])"
               rf"(?P<month>{_MONTH})(?:,?{_S}(?P<year>{_YEAR})|{_LAST_YEAR})?(?![\w])"),
    re.compile(rf"\b(?P<year>{_YEAR})\b(?![-,.]?\d)"),
]
UNITS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: n * 10 for n, w in enumerate(["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                         "ninety"]) if w}
_SMALL = r"(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(list(UNITS)[1:10]) + r"))?|" + \
         "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
_N = r"(?:a|one|two|three|four|five|six|seven|eight|nine)"
_HUNDREDS = rf"{_N}\s+hundred(?:\s+(?:and\s+)?{_SMALL})?"
_WORD = (rf"(?:(?:{_HUNDREDS}|{_SMALL}|a)\s+thousand(?:\s+(?:and\s+)?(?:{_HUNDREDS}|{_SMALL}))?|{_HUNDREDS}"
         r"|(?:two|three|four|five|half\s+a)\s+dozen|" + _SMALL + r"|a dozen|dozen)")
"""A figure in words: "fourteen", "twenty-three", "a dozen", "two dozen", "half a dozen", "a hundred", "one
thousand", "two hundred and fifty"."""
_DIGITS = (r"\d{1,3}(?:,\d{3})+|"
           # "1.300 political prisoners", "10.000 people": a full stop between groups of three digits, as much of Europe
           # writes thousands (not "1.5", "2.125 million", nor a date's or a version's "12.05.2024")
           r"\d{1,3}(?:\.\d{3})+(?![.,]?\d)(?!\s*(?:million|billion|thousand|percent|per\s+cent|%))|\d+")
MAX_COUNT_DIGITS = 15
"""A longer run of digits is an identifier, a phone number or noise, not a count (and Python refuses to
read one of over 4,300 digits as a number)."""
_FIGURE = rf"(?:{_DIGITS}|{_WORD})"
QUALIFIERS = [
    (r"more than|over|in excess of|upwards of", "more_than"), (r"at least|no fewer than|no less than", "at_least"),
    (r"almost|just under|just shy of", "almost"), (r"nearly", "nearly"),
    (r"about|around|approximately|roughly|some|an estimated|close to", "about"),
    (r"up to|at most|no more than", "at_most"), (r"fewer than|less than|under", "fewer_than"),
]
_QUALIFIER = "|".join(q for q, _ in QUALIFIERS)
QUALIFIER_OF = {words: name for pattern, name in QUALIFIERS for words in pattern.split("|")}
COUNT = re.compile(
    rf"(?<![\w.,-])(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:between\s+(?P<low>{_FIGURE})\s+and\s+(?P<high>{_FIGURE})|(?P<figure>{_FIGURE}))"
    rf"(?![\w,]*\d)(?![^\W\d_])(?!-(?!(?:year|month|week|day|hour)s?\b)\w)")
"""A count, matched in text whose ASCII letters are lowered (`lowered`): the same spans as matching
without regard to case, at half the cost."""
ABOUT_OF = re.compile(r"\b(?:information|news|details|knew|know|known|knows|learned|learnt|heard|aware|talked|spoke|"
                      r"speak|speaks|asked|ask|asks|concerned|worried|cares)\s+$")
"""Before "about" and a figure, a word whose preposition "about" is ("news about four women"), matched in lowered
text: the figure is exact (not after a word it may follow as an estimate: "Viasna reports about 40 were released",
"after two days of talks about 50 were released")."""
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lowered(text: str) -> str:
    """The text with its ASCII letters lowered; every character keeps its offset."""
    return text.translate(_LOWER)


@dataclass(frozen=True)
class Figure:
    """A count as written: its span, value (or range) and qualifier."""

    text: str
    start: int
    end: int
    value: int
    qualifier: str = "exact"
    upper: int | None = None


@dataclass(frozen=True)
class DateMention:
    """A date as written: its span and value (YYYY, YYYY-MM or YYYY-MM-DD; None when the year is unknown)."""

    text: str
    start: int
    end: int
    value: str | None
    has_year: bool
    relative: bool = False  # "today", "on Saturday": named from the article's own date


def number(word: str) -> int | None:
    """The value of a figure in digits or words; None if it is neither."""
    word = word.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d+", word):
        digits = word.replace(",", "").replace(".", "")
        return int(digits) if len(digits) <= MAX_COUNT_DIGITS else None
    word = " ".join(word.split())
    if word in ("a dozen", "dozen"):
        return 12
    if word == "half a dozen":
        return 6
    head, _, rest = word.partition(" ")
    if rest.endswith("dozen") and head in UNITS:
        return UNITS[head] * 12
    for scale, size in ((" thousand", 1000), (" hundred", 100)):
        if scale in f" {word}":
            left, _, right = f" {word} ".partition(scale)
            left, right = left.strip(), re.sub(r"^and\s+", "", right.strip())
            many = 1 if left == "a" else number(left)
            rest = number(right) if right else 0
            return None if many is None or rest is None else many * size + rest
    if word in UNITS:
        return UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and (not unit or unit in UNITS):
        return TENS[tens] + UNITS.get(unit, 0)
    return None


class _Overlaps:
    """Whether spans, asked about in text order (their ends never decreasing), overlap any of `spans`:
    one walk along `spans` answers them all, so a pass over an article costs the number of spans and
    questions, not their product."""

    def __init__(self, spans):
        self.spans, self.next, self.reach = sorted(spans), 0, -1  # reach: the furthest end of those passed

    def __call__(self, start: int, end: int) -> bool:
        spans = self.spans
        while self.next < len(spans) and spans[self.next][0] < end:
            self.reach = max(self.reach, spans[self.next][1])
            self.next += 1
        return self.reach > start


_ZONE = r"(?:gmt|utc|cet|cest|eet|eest|msk|bst|est|edt|pst|pdt)"
_MERIDIEM = r"(?:[ap]\.?m\.?(?!\w))"
TIME_OF_DAY = re.compile(
    rf"(?<![\w.:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s*{_MERIDIEM})?"  # 20:59, 20:59:08, 8:30 a.m.
    rf"|\.[0-5]\d(?:\s*(?:{_MERIDIEM}|{_ZONE}(?!\w)|local time(?!\w)))"  # 10.30 GMT (a dot needs its zone)
    rf"|\s*{_MERIDIEM})"  # 9 pm
    rf"(?:\s*{_ZONE}(?:[+-]\d{{1,2}})?(?!\w))?(?![\w:])")
"""A time of day ("20:59", "20:59:08", "8:30 a.m.", "10.30 GMT", "9 pm"), matched in lowered text: a
clock reading, not a count."""


def find_figures(text: str, dates: list[DateMention] | None = None) -> list[Figure]:
    """Every count in the text that is not part of a date or a time of day, with its qualifier or range."""
    low_text = lowered(text)
    in_date = _Overlaps([*((d.start, d.end) for d in (find_dates(text) if dates is None else dates)),
                         *(m.span() for m in TIME_OF_DAY.finditer(low_text))])
    found = []
    for match in COUNT.finditer(low_text):
        span = match.start("low") if match.group("low") else match.start("figure")
        if in_date(span, span + 1):
            continue
        said = match.group("qualifier")
        start = match.start()
        if said == "about" and ABOUT_OF.search(low_text, max(0, start - 20), start):
            said = None  # "news about four women": about whom, not how many; the figure starts after it
            start = match.start("figure") if match.group("figure") else low_text.index("between", start, match.end())
        if match.group("figure") == "one" and not text[span].isupper() and not said:
            continue  # "one of", "one step": too often not a count
        qualifier = QUALIFIER_OF[said] if said else "exact"
        if match.group("low"):
            low, high = number(match.group("low")), number(match.group("high"))
            if low is not None and high is not None:
                found.append(Figure(text[start:match.end()], start, match.end(), low, "between", high))
            continue
        value = number(match.group("figure"))
        if value is not None:
            found.append(Figure(text[start:match.end()], start, match.end(), value, qualifier))
    return found


def find_dates(text: str, anchor: DateValue | None = None) -> list[DateMention]:
    """Dates with their precision. A day or month without a year takes the year of `anchor` (the
    article's date), or the year before when the month lies after the anchor's; with an anchor
    to the day, "today", "yesterday" and a weekday ("on Saturday") name the day they mean."""
    found, taken = [], []  # taken: the spans of the dates found so far, in text order
    for pattern in DATE_PATTERNS:
        overlaps, kept = _Overlaps(taken), []  # a pattern's own matches never overlap one another
        for match in pattern.finditer(text):
            if overlaps(match.start(), match.end()):
                continue
            parts = match.groupdict()
            if parts.get("month") and parts["month"].rstrip(".").lower() == "may" and not parts.get("day") \
                    and not parts.get("year") and not re.search(r"\b(?:in|since|of|by|until|before|after|early|late|"
                                                                   r"mid|last|this|next)[\s-]+$",
                                                                   text[max(0, match.start() - 8):match.start()],
                                                                   re.IGNORECASE):
                continue  # the verb "may" (not "In May, ...", "in mid-May", "last May")
            kept.append((match.start(), match.end()))
            found.append(DateMention(match.group(0), match.start(), match.end(), _value(parts, anchor),
                                     bool(parts.get("year") or parts.get("iso") or parts.get("dotted") or
                                          parts.get("last") and anchor)))
        taken = list(heapq.merge(taken, kept))
    if anchor is not None and anchor.precision == "day":
        overlaps = _Overlaps(taken)
        found += [m for m in _relative(text, anchor) if not overlaps(m.start, m.end)]
    return sorted(found, key=lambda m: m.start)


def _value(parts: dict, anchor: DateValue | None) -> str | None:
    if parts.get("iso"):
        return parts["iso"]
    if parts.get("dotted"):
        day, month, year = (int(part) for part in parts["dotted"].split("."))
        return f"{year}-{month:02d}-{day:02d}" if day <= calendar.monthrange(year, month)[1] else None
    month = parts.get("month")
    if month is None:
        return parts["year"]
    key = month.rstrip(".").lower()
    number_ = MONTHS.get(key) or ABBREVIATIONS.get(key[:4]) or ABBREVIATIONS.get(key[:3])
    if parts.get("year"):
        y = int(parts["year"])
    elif parts.get("last") and anchor is not None:
        y = anchor.start.year - 1
    elif anchor is not None and anchor.precision != "year":
        # a later month is last year's, unless it is the next month's first days: an event the article announces
        # ("granted amnesty on Independence Day September 2", written on August 31)
        soon = anchor.precision == "day" and parts.get("day") and (number_ - anchor.start.month) % 12 == 1 and \
            int(parts["day"]) <= 7 and anchor.start.day >= 24
        y = anchor.start.year - 1 if number_ > anchor.start.month and not soon else anchor.start.year
        y += 1 if soon and number_ < anchor.start.month else 0
    elif anchor is not None:
        y = anchor.start.year
    else:
        return None
    if parts.get("day"):
        day = int(parts["day"])
        if not 1 <= day <= calendar.monthrange(y, number_)[1]:
            return None
        return f"{y:04d}-{number_:02d}-{day:02d}"
    return f"{y:04d}-{number_:02d}"


TODAY_WORDS = r"today|tonight|this\s+morning|this\s+evening"
"""The words for the article's own day (a quotation's "today" may be another: extract's said_on_another_day)."""
RELATIVE = re.compile(rf"\b(?:(?P<today>{TODAY_WORDS})|(?P<yesterday>yesterday|last\s+night)|"
                      r"(?P<last_month>(?<!the\s)last\s+month|a\s+month\s+ago)|"
                      # (not a weekday a full date's day and month follow: "Friday, 13 March"; "On Friday, 13 other
                      # prisoners were released" names the day, and the count after it is no day of a month)
                      r"(?:on|last|this)\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!,?\s+"
                      rf"(?:{_MONTH.lower()}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH.lower()}|\d{{1,2}}[/.]\d))|"
                      # wire copy's bare weekday after the verb or its object: "freed 40 prisoners saturday, ..."
                      r"(?<=[a-z0-9]\s)" + "".join(rf"(?<!\b{w}\s)" for w in ("on", "last", "this", "next", "every", "by", "until",
                                                                      "since", "from", "each")) +
                      r"(?P<bare>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?=\s*(?:[,.;]|\s(?:morning|night|evening|afternoon|in|at|after|when|and|as|to|from|while|that)\b))|"
                      # and right after a saying: "the ministry confirmed tuesday that the four were home"
                      r"(?:(?<=\bsaid\s)|(?<=\bsays\s)|(?<=\bannounced\s)|(?<=\bconfirmed\s)|(?<=\breported\s)|(?<=\bstated\s))"
                      r"(?P<said>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
                      r"(?:[’']s)?\b")
"""A day named relative to the article's date, matched in `lowered` text."""
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _relative(text: str, anchor: DateValue) -> list[DateMention]:
    """Days named relative to the article's date (the weekday is the last one on or before it), and "last month"."""
    found = []
    for match in RELATIVE.finditer(lowered(text)):
        if match.group("last_month"):  # "last month": the month before the article's
            month = anchor.start.replace(day=1) - dt.timedelta(days=1)
            found.append(DateMention(text[match.start():match.end()], match.start(), match.end(),
                                     month.strftime("%Y-%m"), True, True))
            continue
        if match.group("today"):
            day = anchor.start
        elif match.group("yesterday"):
            day = anchor.start - dt.timedelta(days=1)
        else:
            if match.group("said") and re.match(r"\s+[A-Z]", text[match.end():]):
                continue  # "said Sunday Times reporter X": a newspaper's name, not a day
            weekday = match.group("weekday") or match.group("bare") or match.group("said")
            back = (anchor.start.weekday() - WEEKDAYS.index(weekday.lower())) % 7
            day = anchor.start - dt.timedelta(days=back)
        found.append(DateMention(text[match.start():match.end()], match.start(), match.end(), day.isoformat(), True,
                                 True))
    return found


@dataclass(frozen=True)
class Dateline:
    """What the top of an article says about itself: place, date (as written, and as a value
    when it has a year or one is given), outlet, and where it stands in the text."""

    place: str | None
    written: str | None
    date: str | None
    outlet: str | None
    start: int
    end: int


_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_LINE_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
"""A place's name within one line."""
_DATE_TEXT = rf"(?:{_WEEKDAY}?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+{_YEAR})?|{_YEAR}-\d\d-\d\d)"
_CLOCK = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)"
"""A time of day beside a dateline's place or date ("Minsk, 20:59 GMT, June 21 (Wire) -")."""
DATELINES = [
    # PLACE[, Region][, time][, Date][ time] [(Outlet)] — text
    re.compile(rf"^(?P<place>{_PLACE})(?:,\s+{_PLACE})??{_CLOCK}?(?:,\s+(?P<date>{_DATE_TEXT}))?{_CLOCK}?\s*"
               rf"(?:\((?P<outlet>[^()\n]{{2,60}})\))?\s*[—–]|^(?P<place2>[A-Z][A-Z .'’-]{{2,}})(?:,\s+{_PLACE})?"
               rf"{_CLOCK}?(?:,\s+(?P<date2>{_DATE_TEXT}))?{_CLOCK}?\s*(?:\((?P<outlet2>[^()\n]{{2,60}})\))?\s*--?\s",
               re.MULTILINE),
    # Place[, time], Date[ time] (Outlet) text
    re.compile(rf"^(?P<place>{_PLACE}){_CLOCK}?,\s+(?P<date>{_DATE_TEXT}){_CLOCK}?\s*\((?P<outlet>[^()\n]{{2,60}})\)\s",
               re.MULTILINE),
    # Place [Country], Date[ (Outlet)]: text ("Vilnius [Lithuania], December 14 (ANI):", a wire's style)
    re.compile(rf"^(?P<place>{_LINE_PLACE})[ \t]+\[{_LINE_PLACE}\],[ \t]+(?P<date>{_DATE_TEXT})[ \t]*"
               rf"(?:\((?P<outlet>[^()\n]{{2,60}})\))?[ \t]*[:—–]\s", re.MULTILINE),
    # date: 2025-12-13 / Published on 13 December 2025
    re.compile(rf"^\s*(?:date|dated|published|posted|updated)(?:\s+on)?:?\s+(?P<date>{_DATE_TEXT})[\s|]",
               re.MULTILINE | re.IGNORECASE),
    # a line that is only a date (and the time of day), under the headline
    re.compile(rf"^[ \t]*(?P<date>{_DATE_TEXT})(?:,?[ \t]+(?:at[ \t]+)?\d{{1,2}}[:.]\d\d(?::\d\d)?"
               rf"(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|[A-Z]{{2,4}}))?)?[ \t]*$", re.MULTILINE),
    # a date and a name opening the first paragraph, each closed by its mark: "July 2, Vilnius Daily. The ..." (the
    # name may be a place or the outlet, so it is kept as neither; only under a headline or a byline: `_in_its_place`)
    re.compile(rf"^[ \t]*(?P<opening>)(?P<date>{_DATE_TEXT}),[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,3}}\."
               rf"[ \t]+(?=[A-Z“\"])", re.MULTILINE),
    # a byline with its date: "By Staff | August 15, 2026", "By Jane Doe, 15 August 2026"
    re.compile(rf"^[ \t]*By\s+(?P<outlet>[^|\n,]{{2,60}}?)\s*[|,·•–—-]\s*(?:Updated\s+|Published\s+)?"
               rf"(?P<date>{_DATE_TEXT})[ \t]*$", re.MULTILINE),
]


DOTTED_DATE = next(p for p in DATE_PATTERNS if "dotted" in p.groupindex)
"""A date written with dots ("24.05.2018")."""


def find_dateline(text: str, year: int | None = None) -> Dateline | None:
    """The dateline ("VILNIUS, Lithuania, March 14, 2026 (Wire) —", "Vilnius, December 14 (Wire)")
    or a "Published ..." line, in the first lines of the article. A date written without a year
    takes `year`; without one it is kept as written and left without a value. Front matter is not
    part of the article: the search starts after it."""
    begins = front_matter(text).end
    if begins:
        found = find_dateline(" " * begins + text[begins:], year)  # offsets stay those of the whole text
        return found
    head = text[:1500]
    matches = sorted((m for m in (pattern.search(head) for pattern in DATELINES) if m and _in_its_place(head, 0, m)),
                     key=lambda m: m.start())
    if not matches:
        return None
    match = matches[0]
    parts = {k.rstrip("2"): v for k, v in match.groupdict().items() if v}
    dated = next((m for m in matches if m.groupdict().get("date") or m.groupdict().get("date2")), None)
    if "date" not in parts and dated is not None:
        # "VILNIUS (Wire) —" on top, "Published Nov. 14, 2026" further down: the date is the latter's
        parts["date"] = dated.group("date") if dated.groupdict().get("date") else dated.group("date2")
    written = parts.get("date")
    if written is None and parts.get("outlet") and DOTTED_DATE.fullmatch(parts["outlet"].strip()) and \
            year is not None and parts["outlet"].strip().endswith(str(year)):
        # "Caucasian Knot (24.05.2018) –", on a page of 2018: the brackets hold the date, not an outlet (not a birth date,
        # "Ivo Lamm (12.03.1975) –", nor any on a page whose year is not known)
        written = parts.pop("outlet")
    anchor = DateValue(str(year)) if year else None
    dates = find_dates(written, anchor) if written else []
    return Dateline(parts.get("place"), written, dates[0].value if dates else None, parts.get("outlet"),
                    match.start(), match.end())


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Every dateline-like line in the first lines of the article: a page can carry a timestamp ("Published
    16 May 2026, 09:10 GMT") above the wire's own dateline ("VILNIUS, May 16, 2026 (Wire) —"), and the
    date of neither is a fact the article reports."""
    begins = front_matter(text).end
    head = text[:begins + 1500]
    return sorted({m.span() for pattern in DATELINES for m in pattern.finditer(head, begins)
                   if _in_its_place(head, begins, m)})


def _in_its_place(text: str, begins: int, match: re.Match) -> bool:
    """Whether a dateline found at `match` stands where its kind may: anywhere in the first lines for most; for one
    that must open the article's first paragraph ("July 2, Vilnius Daily. ...", its pattern's empty group `opening`),
    only under lines that are no prose (`_prose`: a headline, a second one, a byline, at most four), never further
    down the article."""
    if match.groupdict().get("opening") is None:
        return True
    above = [line.strip() for line in text[begins:match.start()].split("\n") if line.strip()]
    return len(above) <= 4 and not any(_prose(line) for line in above)


def _prose(line: str) -> bool:
    """True for a line of prose, not a headline or a byline: longer than 200 characters, ending in a full stop that
    ends no abbreviation ("... in deal with U.S." is a headline's), or a long one ending in "!" or "?"."""
    return len(line) > 200 or bool(re.search(r"(?<!\b[A-Z])(?<!\b(?:Jr|Sr|St|No|Co))\.[\"”’)]?$", line)) or \
        bool(re.search(r"[!?][\"”’)]?$", line)) and len(line.split()) > 14


def count_in_text(text: str, count) -> bool:
    """True when `text` writes the count (a `values.Count`): its figure in digits or words ("a" and
    "an" for one), with the same qualifier, or the same range."""
    figures = find_figures(text, [])
    if count.qualifier == "between":
        return any(f.qualifier == "between" and f.value == count.value and f.upper == count.upper for f in figures)
    if any(f.value == count.value and f.qualifier == count.qualifier for f in figures):
        return True
    return count.value == 1 and count.qualifier == "exact" and bool(re.search(r"\b(?:an?|one|single)\s", text, re.I))


@dataclass(frozen=True)
class Mentions:
    """What one pass over an article finds: its counts (for checking quotes that give a count) and the
    counts and dates a claim should cite, in text order (the dateline and days named relative to the
    article's date are its own metadata, not asked for)."""

    counts: list[Figure]
    citable: list[tuple[str, Figure | DateMention]]
    starts: list[int]  # of the counts

    def quoted_count(self, start: int, end: int, count) -> bool:
        """True when a count the article writes inside [start, end) has the value and qualifier of `count`."""
        from bisect import bisect_left

        index = bisect_left(self.starts, start)
        for figure in self.counts[index:]:
            if figure.start >= end:
                break
            if figure.end <= end and figure.value == count.value and figure.qualifier == count.qualifier \
                    and figure.upper == count.upper:
                return True
        return False


FRONT_MATTER_KEYS = ("url", "outlet", "title", "published")
"""What an article file's front matter may say of it (the manifest entry should say the same)."""


@dataclass(frozen=True)
class FrontMatter:
    """The `---` block a contributor may put at the top of an article file: where it was published."""

    fields: dict
    end: int
    """Offset in the text where the article itself begins."""


def front_matter(text: str) -> FrontMatter:
    """The front matter of an article (a YAML mapping between two `---` lines at its very top, at most
    40 lines), or an empty one: the article is the text after it."""
    import yaml

    if not text.startswith("---\n"):
        return FrontMatter({}, 0)
    close = text.find("\n---\n", 3)
    if close < 0 or text.count("\n", 0, close) > 40:
        return FrontMatter({}, 0)
    try:
        fields = yaml.safe_load(text[4:close])
    except yaml.YAMLError:
        return FrontMatter({}, 0)
    if not isinstance(fields, dict):
        return FrontMatter({}, 0)
    kept = {k: str(v) for k, v in fields.items() if k in FRONT_MATTER_KEYS and v is not None}
    return FrontMatter(kept, close + 5)


def find_mentions(text: str, anchor: DateValue | None) -> Mentions:
    """Dates and counts of an article in one pass (`anchor`: its publication date); the front matter
    and the dateline are not the article's figures."""
    dates = find_dates(text, anchor)
    counts = find_figures(text, dates)
    dateline = find_dateline(text)
    begins = front_matter(text).end
    citable = sorted([("date", d) for d in dates if not d.relative and d.start >= begins]
                     + [("count", f) for f in counts if f.start >= begins], key=lambda m: m[1].start)
    if dateline is not None:
        citable = [m for m in citable if not dateline.start <= m[1].start < dateline.end]
    return Mentions(counts, citable, [f.start for f in counts])


def uncited(mentions: list[tuple[str, Figure | DateMention]], spans: list[tuple[int, int]]) -> list:
    """The mentions that none of the spans (where quotes stand in the text) covers."""
    from bisect import bisect_right
    from itertools import accumulate

    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end among the spans so far
    left = []
    for kind, mention in mentions:
        index = bisect_right(starts, mention.start) - 1
        if index < 0 or reach[index] < mention.end:
            left.append((kind, mention))
    return left
