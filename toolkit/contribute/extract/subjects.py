"""Who or what a drafted claim is about: the release or the sanction (the country and the group: see places).

A release is named by the date written beside words of freeing (matched to the registry's
releases through the dates the project's claims give them), by a total the project already
records for one, or else it is the release the article reports. A sanction is the registry's
sanction whose name, aliases or recorded target share the distinctive words of what is
sanctioned ("sanctions on the potash producer"); a phrase that names nothing ("sanctions relief") is the
sanction the article is about. A new release or sanction is proposed, with its registry
entry drafted, never merged into a known one by guesswork.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from ...ingest.figures import TODAY_WORDS, DateMention
from ...values import parse_date
from .context import ADJECTIVES, EVENT_AFTER, FREEING, PEOPLE, SET_APART, Context, Sentence, asked_whether
from .names import apposition, slug
from .places import demonym_country

# Words before a date that make it the date of something other than a release ("an imprisoned American citizen on
# November 21" is no date of imprisonment: the participle describes the one freed).
OTHER_EVENT = re.compile(r"\b(?:(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)(?:arrested|detained|jailed|imprisoned|sentenced|convicted)"
                         rf"(?!\s+{ADJECTIVES}{PEOPLE}\b)|"  # "released 27 unjustly imprisoned political prisoners on": the freed
                         r"since|until|elections?|protests?|born|imposed|introduced|founded|became|as\s+of|deport\w*|"
                         r"beginning|starting|"  # "the sixth group of pardons this year, beginning in July": a series's start
                         r"invasion|raided|stormed|searched|shut\s+down|closed\s+down|"
                         r"outbreak\s+of\s+(?:the\s+)?(?:war|fighting|hostilities|conflict))\b[^,;]{0,25}$|"
                         r"\b(?:sentenced|convicted|given)\s+to\s+[^,;]{0,40}$|"
                         r"\b(?:sentenced|convicted)\s+by\s+[^,;]{0,45}$|"  # "sentenced by the Zarechny City Court on"
                         # "a conference held in February", "talks convened on Monday", "prisoners held in May" (not "took
                         # place": "the release took place on April 21"; nor a freeing held: "a swap held on", "The
                         # exchange, held on")
                         r"(?<!swap\s)(?<!swap,\s)(?<!exchange\s)(?<!exchange,\s)(?<!handover\s)(?<!handover,\s)"
                         r"(?<!release\s)(?<!release,\s)"
                         r"\b(?:held|convened|organi[sz]ed)\s+(?:in|on|during)\s+(?:(?:early|late|mid-?)\s*)?$",
                         re.IGNORECASE)

# "announced on March 10 that", "reported Jan. 14 that": the day the freeing was reported, by which it had happened
REPORTED = re.compile(r"\b(?:said|says|confirmed|announced|reported|stated|declared)\b(?:\s+(?!that\b)[\w-]+){0,5}?\s+"
                      r"(?:on\s+|this\s+|late\s+|early\s+)?$", re.IGNORECASE)
# "freed five prisoners, rights groups confirmed on October 14": a confirmation after the freeing bounds it too ("said
# on Friday" after it is only the day of the saying)
CONFIRMED = re.compile(r"\b(?:confirmed|announced)\b(?:\s+(?!that\b)[\w-]+){0,5}?\s+(?:on\s+|this\s+|late\s+|early\s+)?$",
                       re.IGNORECASE)
# "reached on October 2 for the release", "met on Monday ahead of the release": a freeing written as the object of
# another event, whose day the date is
ANOTHER_EVENT = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|for|since|after)\s+(?:the|a|an|their|his|her|its)\s+"
                           r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def reported(ctx: Context, date: DateMention, offset: int, floor: int) -> bool:
    """True when a verb of reporting governs the date: written between the freeing word at `offset` and a date after
    it ("freed 52, rights groups confirmed on Thursday"; not "confirmed the release on Thursday"), or before a date that a
    "that" clause follows ("announced on March 10 that the release was completed")."""
    if date.start > offset:
        return bool(CONFIRMED.search(ctx.text[max(floor, offset, date.start - 60):date.start]))
    return bool(REPORTED.search(ctx.text[max(floor, date.start - 60):date.start])) and \
        bool(SAID_CLAUSE.match(ctx.text, date.end, offset))


SAID_CLAUSE = re.compile(r"[\s,]*(?:(?:night|morning|evening|afternoon)\s+)?(?:that\b|(?:[\w.’'-]+\s+){1,3}?(?:had|has|have|was|were|is|are)\b)", re.IGNORECASE)
"""After a saying's day, the clause it says: "announced on March 10 that ...", "said Tuesday they had secured the
release" (its subject and verb, without the "that")."""
UNDER_WAY = re.compile(r"[\s,]*(?:(?:night|morning|evening|afternoon)\s+)?(?:that\s+)?(?:[\w.’'-]+\s+){1,4}?(?:was|were|is|are)\s+(?:now\s+)?"
                       r"(?:being\s+(?=released|freed|pardoned)|(?=releasing|freeing|pardoning))", re.IGNORECASE)
STILL_TO_COME = re.compile(r"\b(?:next\s+(?:week|month)|tomorrow|in\s+stages|over\s+the\s+(?:coming|next)|in\s+the\s+coming|"
                           r"soon|later\s+this|gradually|in\s+(?:the\s+)?(?:days|weeks|months)\s+ahead)\b", re.IGNORECASE)
"""After a freeing said to be under way, words that put it still to come: "was freeing 25 detainees next week"."""
"""Between a saying's day and a freeing word, a freeing told as under way that day: "confirmed Friday that it was
releasing", "said on Monday that prisoners were being freed"."""


def said_under_way(ctx: Context, sentence: Sentence, offset: int) -> DateMention | None:
    """The day a saying before a freeing names, when the freeing is told as under way then ("The ministry confirmed
    Friday that it was releasing 25 detainees"): the freeing's own day, not only a bound on it."""
    for date in sentence.dates:
        if date.end <= offset and offset - date.end < 60 and date.value and len(date.value) == 10 and \
                REPORTED.search(ctx.text[max(sentence.start, date.start - 60):date.start]) and \
                (under_way := UNDER_WAY.match(ctx.text, date.end)) and under_way.end() == offset and \
                not STILL_TO_COME.search(ctx.text, offset, sentence.end):
            return date
    return None


def another_event(ctx: Context, date: DateMention, offset: int) -> bool:
    """True when the words between a date written before a freeing word and that word make it another event's day
    ("On May 3 ... a deal was struck for the release", "Monday, ahead of the release"), or when the date
    is an event's that its noun follows ("the March 30 election", "the October 4 protest"), or a message's that tells of
    the freeing (`_message_of`: "in their November letter ... urged the release of")."""
    return bool(EVENT_AFTER.match(ctx.text, date.end)) or _message_of(ctx, date, offset) or \
        date.end <= offset and bool(ANOTHER_EVENT.search(ctx.text, max(date.end, offset - EVENT_WORDS_REACH), offset))


MESSAGE_AFTER = re.compile(r"[ \t]+(?:letters?|(?:phone[ \t]+)?calls?|speech(?:es)?|interviews?|petitions?)\b",
                           re.IGNORECASE)
"""After a date, the noun of a message it is the day of: "in their November letter", "the October 30 phone call"."""
MESSAGE_OWNER = re.compile(r"\b(?:a|an|the|his|her|their|its|our|[A-Z][\w-]*[’']s)\s+$")
"""Before a message's date, a determiner or an owner ("their November letter", "Trump's September 4 phone call"; not
"freed on Thursday call for", where "call" is a verb)."""
IN_A_MESSAGE = re.compile(r"\b(?:in|during|at|with|by)\b[^.;:,]{0,20}?\s"
                          r"(?:a|an|the|his|her|their|its|[A-Z][\w-]*[’']s)\s+$", re.IGNORECASE)
TOLD_OR_ELSEWHERE = re.compile(r"\b(?:said|says|told|announced|wrote|added|confirm\w*|stated|reveal\w*|that|spoke|spoken|"
                               r"talk\w*|mention\w*|discuss\w*|welcom\w*|prais\w*|hail\w*|who|whom|whose|which|where|"
                               r"after|before|since|came|ahead|urg\w*|asked|ask|call\w*|demand\w*|sought|seek\w*|"
                               r"press\w*)\b", re.IGNORECASE)


def _message_of(ctx: Context, date: DateMention, offset: int) -> bool:
    """True when a date is a message's, after a determiner or an owner ("their November letter", "the October 30 phone
    call", "a November 18 interview"): a letter, a call or a speech is no release's day, unless the freeing is done in
    it, a freeing with "in", "during", "at", "with" or "by" the message and no saying, wish, clause or time between
    ("pardoned 16 prisoners, including A, in his July 3 speech", "at the end of his July 3 speech", "marked the day with
    his July 3 speech, pardoning 16", "In a November 13 letter, the ruler pardoned A"; not "In his November 3 speech, he
    said he had pardoned 16", "In a November 13 interview, he confirmed he had freed A", "After their September 4 phone
    call, Belarus released 52", "In their November letter, the lawmakers urged the release of A, B and C, all of whom
    were released")."""
    if not MESSAGE_AFTER.match(ctx.text, date.end) or not MESSAGE_OWNER.search(ctx.text, max(0, date.start - 30),
                                                                                date.start):
        return False
    done_in_it = IN_A_MESSAGE.search(ctx.text, max(0, date.start - 40), date.start) and \
        not TOLD_OR_ELSEWHERE.search(ctx.text, min(offset, date.end), max(offset, date.start))
    return not done_in_it


EVENT_WORDS_REACH = 80
"""How far before a freeing word the words of another event (`ANOTHER_EVENT`, which ends at the freeing) can begin."""


# --- releases ---------------------------------------------------------------------------------------

def not_this_pages(ctx: Context, release: str) -> bool:
    """True for a release of the project's that the page cannot be telling of, whatever its total or weekday: one its
    quotes tell of as another country's than the page's (a page about Cambodia's amnesty is about none of Belarus's
    releases), or one dated after the page was published (a page of 2018 tells of no release of 2025)."""
    countries = ctx.release_countries.get(release)
    if ctx.country and countries and ctx.country not in countries:
        return True
    dated = ctx.release_dates.get(release)
    return bool(ctx.anchor is not None and dated is not None and dated.low > ctx.anchor.high)


def release_for(ctx: Context, date: str, note: str = "") -> str:
    """The registry release whose recorded date agrees with `date`, or a proposed new one."""
    value = parse_date(date)
    matches = [r for r, d in ctx.release_dates.items() if d.agrees(value)]
    if matches:
        return min(matches, key=lambda r: (ctx.release_dates[r].width, r))
    candidate = f"release-{date}"
    if ctx.registry.kind(candidate) == "release":
        return candidate
    entry = {"id": candidate, "name": f"Release of {spoken(date)}"}
    if note:
        entry["notes"] = note
    ctx.release_dates[candidate] = value  # a later mention of the same day or month is the same release
    return ctx.propose("releases", entry)


def _own_release(ctx: Context, date: str) -> str:
    """The page's own release, dated `date` by the page: the registry's release of that date, else the one its
    contributor registered (`_registered_release`), else a proposed new one."""
    return _registered_release(ctx, date) or release_for(ctx, date)


def _registered_release(ctx: Context, date: str) -> str | None:
    """When the registry dates no release to `date`, the page's own: the one release the registry has that no claim
    tells of and nothing dates, as when the page's contributor registered it before drafting ("release-papua-clemency";
    not one whose id names another year, or a country the registry knows other than the page's), marked for review."""
    value = parse_date(date)
    if any(d.agrees(value) for d in ctx.release_dates.values()) or ctx.registry.kind(f"release-{date}") == "release":
        return None
    registered = [e.id for e in ctx.registry.entities.values() if e.kind == "release" and
                  e.id not in ctx.release_dates and e.id not in ctx.told_releases and
                  all(int(y) == value.start.year for y in re.findall(r"\b(?:19|20)\d\d\b", e.id)) and
                  not any(ctx.country and ctx.registry.kind(word) == "place" and ctx.registry.top(word) != ctx.country
                          for word in e.id.split("-"))]
    if len(registered) != 1:
        return None
    ctx.release_dates[registered[0]] = value  # another date of the page is not this release
    ctx.release_guessed = "registered-release"
    return registered[0]


def spoken(date: str) -> str:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return str(parts[0])


def release_date(ctx: Context, sentence: Sentence, offset: int) -> DateMention | None:
    """The date of a freeing at `offset`: a day or month written in its clause, not the date of
    something else ("arrested in May 2021", "imprisoned since 2020"). Read once per freeing: each person a long list
    frees asks it again, and a clause dense with dates made that cost the square of the clause."""
    key = (sentence.start, offset)
    if key not in ctx.release_dates_at:
        ctx.release_dates_at[key] = _release_date(ctx, sentence, offset)
    return ctx.release_dates_at[key]


DATE_REACH = 1200
"""How far from a freeing word, within its clause, a date of it is looked for."""


def _release_date(ctx: Context, sentence: Sentence, offset: int) -> DateMention | None:
    start, end = sentence.clause(offset)
    if re.match(r"(?:when|as|where)\s", ctx.text[start:end], re.IGNORECASE) and start > sentence.start:
        start = sentence.clause(start - 2)[0]  # "The largest came on March 13, when 52 were freed"
    # "They were released as the envoy told reporters on Friday that ...": what happened as they were freed
    # happened the same day
    simultaneous = re.match(r"\w+\s+as\s+", ctx.text[offset:end])
    # (within a reach of the freeing: a clause of thousands of freeings and dates, each read to each, cost its cube)
    earlier = None  # a date right after an earlier freeing of the clause, which the one "and" joins to it may not share
    for date in sentence.dates_within(max(start, offset - DATE_REACH), min(end, offset + DATE_REACH)):
        if not (date.value and len(date.value) >= 7 and
                not _event_before(ctx, max(start, date.start - 60), date, offset) and
                not decree_of(ctx, date) and
                not ELECTION_AFTER.match(ctx.text, date.end) and
                not another_event(ctx, date, offset) and not reported(ctx, date, offset, start) and
                (not date.relative or abs(date.start - offset) < 30 or _object_between(ctx, sentence, offset, date) or
                 (simultaneous and 0 < date.start - offset < 130) or _opening_day(ctx, sentence, date, offset)) and
                not in_description(ctx, sentence, date)):  # last: it reads what is said after each name
            continue
        if earlier is None and date.end <= offset and sentence.freeing_between(start, date.start) and \
                AND_THEN.search(ctx.text, date.end, offset):
            # "freed 12 in early August and signed a pardon for 25 on September 16": August is the first freeing's, and
            # the one "and" joins to it takes the date after it, if it has one (not "pardoned 25 others, his office said
            # on September 16"; nor "Released in early August, A was formally pardoned on 16 September": one freeing)
            earlier = date
            continue
        if earlier is not None and (date.start < offset or SAYING.search(ctx.text, offset, date.start)):
            return earlier
        return date
    return earlier or said_under_way(ctx, sentence, offset)


def _event_before(ctx: Context, since: int, date: DateMention, offset: int) -> bool:
    """True when a word of another event comes right before a date (`OTHER_EVENT`: "arrested in", "the protests of"),
    unless the freeing at `offset` stands between the noun of an event and the date ("people held after street
    protests - 67 were released in September": the freeing's month; not "freed 31, the first release since 67 were freed
    in September", a clause of another time)."""
    event = OTHER_EVENT.search(ctx.text[since:date.start])
    return event is not None and not (since + event.start() < offset < date.start and
                                      re.match(r"(?:elections?|protests?|invasion|outbreak)\b", event.group(0)))


DECREE_AFTER = re.compile(r"\s+(?:(?:royal|presidential|general|mass)\s+)?(?:pardons?|amnesty|amnesties|decrees?|clemency)\b",
                          re.IGNORECASE)


def decree_of(ctx: Context, date: DateMention) -> bool:
    """True for the day of the decree a freeing was done under ("set free under an August 3 amnesty"): the freeing came
    on or after it, on a day the words do not give."""
    return bool(DECREE_AFTER.match(ctx.text, date.end) and
                re.search(r"\bunder\s+(?:a|an|the)\s+$", ctx.text[max(0, date.start - 12):date.start], re.IGNORECASE))


ELECTION_AFTER = re.compile(r"\s+(?:(?:presidential|parliamentary|general|local|snap|legislative)\s+)?(?:elections?|vote|"
                            r"polls?|ballot|referendum|run-?off|(?:presidential\s+)?candidates?)\b", re.IGNORECASE)
"""After a date, the vote it is the day of: "the March 24 election", "his March 24 presidential candidate": that day is
the vote's, no freeing's."""
SAYING = re.compile(r"\b(?:said|says|reported|reports|told|announced|confirmed|stated|wrote|added)\b", re.IGNORECASE)
"""Between a freeing and a date after it, a saying the date is of."""


AND_THEN = re.compile(r"\band\b")
"""Between a date and a freeing after it, the "and" of a second verb ("in early August and signed a pardon")."""


LATER_EVENT = re.compile(r"\b(?:ahead\s+of|before|upcoming|planned|scheduled|expected)\b", re.IGNORECASE)
"""Between a freeing and a day further on, an event still to come that the day is of ("freed 14 prisoners ahead of a
meeting with US officials on Monday"); not "after talks with the envoy on Thursday", whose day may be the freeing's."""


def days_further_on(ctx: Context, sentence: Sentence, offset: int):
    """The days a sentence names within 130 characters after a freeing word that may be the freeing's ("exchanged
    prisoners, including A, on Wednesday"): not a saying's ("officials said on Friday"), another event's, or the day
    of an event still to come ("ahead of a meeting ... on Monday"), nor a message's a freeing was not done in ("...,
    where A gave a November 18 interview")."""
    for date in sentence.dates:
        if not (0 < date.start - offset < 130) or not date.value or len(date.value) != 10 or ctx.taken(date) or \
                decree_of(ctx, date) or \
                OTHER_EVENT.search(ctx.text[max(sentence.start, date.start - 40):date.start]) or \
                EVENT_AFTER.match(ctx.text, date.end) or _message_of(ctx, date, offset) or \
                reported(ctx, date, offset, sentence.start) or \
                re.search(r"\b(?:said|says|told|announced|reported|confirmed|wrote|added)\s+(?:\w+\s+){0,2}$",
                          ctx.text[max(sentence.start, date.start - 40):date.start]) or \
                LATER_EVENT.search(ctx.text, offset, date.start):
            continue
        yield date


OPENING_DAY_SUBJECT = re.compile(r",?\s+(?:(?!(?:said|says|told|announced|reported|confirm\w*|learn\w*|reveal\w*|recall\w*|"
                                 r"remember\w*|emerged|marks?|marked|since|who|which|that|when|after|before|while|and|but|"
                                 r"as|how|it)\b)[\w’'.-]+\s+){1,7}"
                                 r"(?:(?:has\s+|had\s+)?signed\s+(?:a|an|the)\s+(?:\w+\s+)?(?:decree|order)\s+(?:to\s+)?)?",
                                 re.IGNORECASE)
"""Between a day that opens the sentence and its freeing, only the subject, and a decree it signed: "On Friday,
Belarusian authorities freed", "Yesterday the 58-year-old retired engineer X walked free", "Today, President X
signed a decree to pardon" (no saying, no clause of its own)."""


def _opening_day(ctx: Context, sentence: Sentence, date: DateMention, offset: int) -> bool:
    """True when a day named from the article's opens the sentence and only its subject stands before the freeing (not
    in a quotation, whose "Today" is the day of its saying)."""
    if not date.start < offset or \
            re.fullmatch(r"[^\w“”\"‘’']*(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Ee]arlier)\s+)?", ctx.text[sentence.start:date.start]) \
            is None or OPENING_DAY_SUBJECT.fullmatch(ctx.text, date.end, offset) is None:
        return False
    end = sentence.clause(offset)[1]  # the freeing's clause dates it otherwise: "..., the 14 Belarus freed in June held"
    return not any(d is not date and d.value and date.end <= d.start < end for d in sentence.dates) and \
        not re.search(r"\b(?:earlier|ago|previously|before)\b", ctx.text[offset:end], re.IGNORECASE)


def _object_between(ctx: Context, sentence: Sentence, offset: int, date: DateMention) -> bool:
    """True when only the freed stand between the freeing word and a day named from the article's ("released three
    American detainees on Wednesday"): no comma, no one saying something ("freed ..., officials said on Sunday"), no
    other event ("freed 14 prisoners ahead of a meeting with US officials on Monday"); inside a quotation only a
    "today" that its saying dates (`said_on_another_day`)."""
    between = ctx.text[offset:date.start]
    if not 0 < len(between) < 60 or re.search(r"[,;:“”\"]|\b(?:said|says|told|announced|reported|posted|stated|added|"
                                               r"confirmed|statement|who|which|that)\b", between, re.IGNORECASE):
        return False
    if re.search(r"[“\"][^”\"]*$", ctx.text[sentence.start:date.start]):  # quoted: its "today", dated by its saying
        return bool(TODAY.fullmatch(date.text)) and ctx.anchor is not None and date.value != ctx.anchor.start.isoformat()
    core = re.sub(r"^\s+of\s+", " ", re.sub(r"\s+on\s*$", " ", between))  # "the release of 14 prisoners on Monday"
    return not re.search(r"\b(?:ahead|after|before|with|for|during|following|amid|at|to|from|by|since|until|of|"
                         r"meeting|talks|visit)\b", core, re.IGNORECASE)


TODAY = re.compile(rf"(?:{TODAY_WORDS})", re.IGNORECASE)
SAID_ON = re.compile(r"(?:[^.\n“”\"]|(?<=\b[A-Z])\.){0,80}?\b(?:said|says|posted|wrote|tweeted|announced|added|"
                     r"told\s+[\w\s]{1,30}?)\b(?:(?!\b(?:who|which|that|adding|when|after|before|while|and|but)\b)"
                     r"[^.,;\n“”\"]){0,40}?$")
"""The words after a quotation up to the day it was said ('," the U.S. envoy posted on Thursday'), in the saying's own
clause (not '," the envoy said, adding that talks would resume on Monday')."""


def said_on_another_day(text: str, dates: list[DateMention]) -> list[DateMention]:
    """"today" inside a quotation is the day the words were said: '"... brought about the release of 9 detainees today,"
    the minister wrote on Friday' names Friday, not the day the page appeared. A quotation whose saying has no day
    of its own keeps the page's."""
    found = []
    for date in dates:
        if date.relative and TODAY.fullmatch(date.text):
            line_start = text.rfind("\n", 0, date.start) + 1
            inside = text.count('"', line_start, date.start) % 2 == 1 or \
                text.rfind("“", line_start, date.start) > text.rfind("”", line_start, date.start)
            closing = min((i for i in (text.find("”", date.end), text.find('"', date.end)) if i >= 0), default=-1)
            if inside and closing >= 0 and "\n" not in text[date.end:closing]:
                said = next((d for d in dates if closing < d.start and d.value and len(d.value) == 10 and
                             SAID_ON.match(text, closing + 1, d.start)), None)
                if said is not None:
                    date = replace(date, value=said.value)
        found.append(date)
    return found


def date_note(ctx: Context, date: DateMention) -> str:
    """For a date named from the article's own ("on Saturday", "today"): how it was read."""
    if not date.relative or ctx.anchor is None:
        return ""
    if ctx.anchor.precision != "day":
        return f'"{date.text.strip()}" read as {date.value}, the day the project gives this release: check'
    return f'"{date.text.strip()}" read as {date.value}, from the article\'s date {ctx.anchor.text}: check'


RETURN = re.compile(r"\b(?:in\s+return|in\s+exchange|in\s+turn|for\s+(?:its|their)\s+part|reciprocally)\b(?!\s+for\b)",
                    re.IGNORECASE)
RETURN_REACH = 300
"""How far before a freeing its cue of the other side is read ("In return, after months of talks, Poland released A"):
a search from the sentence's start for each freeing cost the square of a sentence that frees many one by one."""


def found_between(ctx: Context, sentence: Sentence, pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether `pattern.search(ctx.text, start, end)` finds a match, read from the sentence's matches found once
    (`Sentence.spans_of`): the first that begins at `start` or after, if it ends by `end`. Where one of them runs
    across `start` or `end`, a search of its own (a match may begin inside it, or end where the window does)."""
    spans = sentence.spans_of(pattern, ctx.text)
    k = bisect.bisect_left(spans, (start, -1))
    if k > 0 and spans[k - 1][1] > start or k < len(spans) and spans[k][0] < end < spans[k][1]:
        return pattern.search(ctx.text, start, end) is not None
    return k < len(spans) and spans[k][1] <= end


def other_side(ctx: Context, sentence: Sentence, offset: int, held: bool = False) -> bool:
    """True for a freeing by the other side of an exchange ("In return, Poland released A and B", "In exchange,
    U.S. authorities freed two Belarusians"): its actor, named between the cue and the freeing, is a country
    other than the one the article's release frees from. No release of the article's frees those people."""
    cue = None
    for cue in RETURN.finditer(ctx.text, max(sentence.start, offset - RETURN_REACH), offset):
        pass
    from .context import FREEING
    if ctx.country is None:
        return False
    if _actor_before_verb(ctx, sentence, offset) not in (None, ctx.country):
        return True  # "with Moscow releasing A and Washington freeing B": B is the other side's
    if _agent_of_freeing(ctx, sentence, offset, held) not in (None, ctx.freeing_side or ctx.country):
        return True  # "The prisoners freed by Poland included A": A is the other side's
    if cue is None or not FREEING.search(ctx.text, cue.end(), min(sentence.end, offset + 40)):
        return False  # "In return, the U.S. eased sanctions": no freeing, the other side's relief
    actors = []  # the countries named between the cue and the freeing; the nearest is the freeing's actor
    for name in sentence.names:
        if cue.end() <= name.start < offset and name.entity and ctx.registry.kind(name.entity) in ("place", "organisation"):
            entity = ctx.registry.get(name.entity)
            actors.append((name.start, ctx.registry.top(name.entity) if entity.kind == "place" else entity.country))
    for word in re.finditer(r"\b[A-Z][a-z]+\b", ctx.text[cue.end():offset]):
        known, _ = demonym_country(ctx, word.group(0))
        actors.append((cue.end() + word.start(), known))
    actors = sorted(a for a in actors if a[1])
    return bool(actors) and actors[-1][1] != ctx.country


ACTOR = r"(?P<actor>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?"
"""Who does what the next word says, right before it: "Poland", "the US has also" (the capitalised words)."""
ACTOR_VERB = re.compile(ACTOR + r"(?:releas(?:ed|ing)|free(?:d|ing)|handed\s+over|handing\s+over)\b")


def _actor_before_verb(ctx: Context, sentence: Sentence, offset: int) -> str | None:
    """The country that frees in the clause at `offset`, when a place, a government or a demonym stands right
    before the verb ("the US releasing", "Washington freeing", "Poland released"); None when no such actor."""
    start, _ = sentence.clause(offset)
    actor = None
    for match in ACTOR_VERB.finditer(ctx.text, max(start, offset - 200), min(sentence.end, offset + 40)):
        if match.end("actor") <= offset:
            actor = match
    if actor is None:
        return None
    return country_named(ctx, sentence, actor, "actor", -1)


FREED_BY = re.compile(r"\b(?i:freed|released|pardoned|handed\s+over|set\s+free)\s+(?:by|(?P<from>from))\s+(?:the\s+)?"
                      r"(?P<agent>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)")
WEST = re.compile(r"(?:the\s+)?(?:West|Western\s+(?:\w+\s+)?(?:countries|governments|nations|states|allies|powers))\b")


def freeing_side(ctx: Context, sentences: list[Sentence]) -> str | None:
    """Whose freeing "freed by X" calls the article's: the article's country when a freeing names it as its actor
    ("Belarus freed 46", "those freed by Belarus"), else the first actor of a freeing on the page (the lead's: "Among
    those freed by A are X ... The prisoners freed by B included Y", where the country the article names most is
    neither A nor B)."""
    if not any(not m.group("from") for m in FREED_BY.finditer(ctx.text)):
        return ctx.country
    actors = []
    for sentence in sentences:
        for match in sentence.freeing():
            offset = sentence.start + match.start()
            actors += [a for a in (_agent_of_freeing(ctx, sentence, offset), _actor_before_verb(ctx, sentence, offset)) if a]
    return ctx.country if not actors or ctx.country in actors else actors[0]


def _agent_of_freeing(ctx: Context, sentence: Sentence, offset: int, held: bool = False) -> str | None:
    """The country named as the agent of a freeing in the clause at `offset` ("the prisoners freed by Poland
    included", "those released by the West"), or, with `held`, the one that held them ("- C, hacker – released from
    Poland"; not a list of countries): a place, a government, a demonym, or "the West" (no country of the
    article's); None when the clause names no such agent."""
    start, end = sentence.clause(offset)
    agent = None
    for match in FREED_BY.finditer(ctx.text, max(start, offset - 120), min(end, offset + 60)):
        if held or not match.group("from"):
            agent = match
    if agent is None or (agent.group("from") and re.match(r",?\s+(?:and\s+)?[A-Z]", ctx.text[agent.end():])):
        return None  # no agent, or a list of the states that held them ("released from Poland, Lithuania, ...")
    if WEST.match(ctx.text, agent.start("agent")):
        return "the-west"
    return country_named(ctx, sentence, agent, "agent", 0)


def country_named(ctx: Context, sentence: Sentence, match, group: str, word: int) -> str | None:
    """The country the match's group names: a registered place or organisation within it (an organisation's
    country), else the country of the demonym at position `word` of its words (0 the first, -1 the last)."""
    begin, end = match.start(group), match.end(group)
    for name in sentence.names:
        if begin <= name.start and name.end <= end and name.entity and \
                ctx.registry.kind(name.entity) in ("place", "organisation"):
            entity = ctx.registry.get(name.entity)
            return ctx.registry.top(name.entity) if entity.kind == "place" else entity.country
    known, _ = demonym_country(ctx, match.group(group).split()[word])
    return known


def clause_release(ctx: Context, sentence: Sentence, offset: int) -> str | None:
    """The release a freeing at `offset` speaks of: the one its clause dates, the one a known total
    in the clause belongs to, the one the sentence is dated to ("In June, ..."), or the article's; none
    for a freeing by the other side of an exchange."""
    if other_side(ctx, sentence, offset):
        return None
    date = release_date(ctx, sentence, offset)
    ahead = pardon_ahead(ctx, sentence, offset, date) if date else None
    if ahead:
        return ahead  # "Burma freed five prisoners Tuesday. ... granted a pardon Monday": that release's pardon
    if date:
        return release_for(ctx, date.value)
    start, end = sentence.clause(offset)
    if SHORTLY_AFTER.match(ctx.text, start, end):
        # "... on June 26, days after X's release": the release of that month
        earlier = [d for d in sentence.dates if d.start < start and d.value and len(d.value) >= 7]
        if earlier:
            return release_for(ctx, earlier[-1].value[:7])
    known_values = {v for totals in ctx.release_totals.values() for v in totals}
    for figure in (f for f in sentence.figures_within(start, end) if f.value in known_values and _total_noun(ctx, f)):
        known = [r for r, totals in ctx.release_totals.items() if figure.value in totals and r != ctx.release and
                 not not_this_pages(ctx, r)]
        if len(known) == 1 and not any(figure.value in t for r, t in ctx.release_totals.items() if r == ctx.release):
            return known[0]
    opening = next((d for d in sentence.dates if d.start - sentence.start < 12 and d.value and len(d.value) >= 7), None)
    if opening and re.match(r"\s*,", ctx.text[opening.end:opening.end + 2]):
        return release_for(ctx, opening.value)
    if found_between(ctx, sentence, SEPARATE, start, end) and \
            not AMONG_THEM.search(ctx.text, _own_part(ctx, sentence, offset), min(end, offset + 40)):
        return None  # "X, who was freed last year in a separate deal", "two priests were also pardoned separately":
        # another release, not dated here (not "Two Americans among them were released separately")
    later = later_than_before(ctx, sentence, offset)
    if later:
        return release_for(ctx, later[0])
    year = other_year(ctx, sentence, start, end) or _year_before_last(ctx, sentence, offset) or \
        _month_before(sentence, start, end)
    return release_for(ctx, year) if year else ctx.release


PARDON_WORD = re.compile(r"(?:(?:grant|issu|sign)\w*\s+(?:(?:a|an|the|royal|presidential)\s+)*)?(?:pardon|amnest|clemency)",
                         re.IGNORECASE)


def pardon_ahead(ctx: Context, sentence: Sentence, offset: int, date: DateMention) -> str | None:
    """The release a pardon at `offset` freed, when the page has already dated a freeing up to a week after the
    pardon's day ("Burma freed five prisoners Tuesday" ... "granted a pardon Monday"): freed on or after it."""
    if not PARDON_WORD.match(ctx.text, offset) or not date.value or len(date.value) != 10 or \
            SET_APART.match(sentence.text):
        return None  # "Separately, President X granted a pardon on Monday to 20 monks": another release
    pardoned = dt.date.fromisoformat(date.value)
    freed = [((dt.date.fromisoformat(d.value) - pardoned).days, d.subject) for d in ctx.drafts
             if d.property == "date" and d.qualifier == "exact" and isinstance(d.value, str) and len(d.value) == 10]
    return min(((gap, release) for gap, release in freed if 0 < gap <= 7), default=(None, None))[1]


SHORTLY_AFTER = re.compile(r"(?:a\s+few\s+|hours|days|a\s+day|a\s+week|weeks)\s*(?:\w+\s+)?(?:after|before)\b")
"""A clause that opens with a time close to another event: "days after X's release"."""
SEPARATE = re.compile(r"\bin\s+(?:a|an)\s+(?:separate|earlier|previous|prior|different|unrelated)\s+(?:\w+\s+)?"
                      r"(?:deal|release|exchange|swap|amnesty|pardon|agreement|case)\b|"
                      # "two priests were also pardoned separately", "Separately freed were ..."; not "released
                      # separately, hours later", "each released separately from a different prison" (nor "among them"
                      # before it: clause_release)
                      r"(?<!\beach\s)\b(?:freed|released|pardoned)\s+separately\b"
                      r"(?!,?\s+(?:(?:(?:an?|some|a\s+few)\s+)?(?:hours?|minutes?|days?|moments?)\s+later|later\b|"
                      r"at\s+the\s+(?:[\w-]+\s+)?border|and\s+(?:flown|driven|taken|sent|bused)))|"
                      r"\bseparately\s+(?:freed|released|pardoned)\b", re.IGNORECASE)
"""A freeing's clause that makes it another release than the page's: "in a separate deal", "pardoned separately"."""
AMONG_THEM = re.compile(r"(?<!\bnot\s)(?<!\bnever\s)\bamong\s+(?:them|those)\b|"
                        r"\b(?:one|two|three|four|five|some|several|\d+)\s+of\s+(?:them|those|the\s+\d+)\b",
                        re.IGNORECASE)
"""Before a freeing "separately", words that make its freed some of the page's: "Two Americans among them were
...", "A, one of the 14, was released separately"."""


def _month_before(sentence: Sentence, start: int, end: int) -> str | None:
    """"An amnesty freed 230 inmates last month": the month before the article's, as the page's dates read it
    ("last month", "a month ago": ingest.figures; not "the previous month", "a month earlier", which follow the date
    before them), when the clause names it (a release the registry or the article dates to that month is that one)."""
    return next((d.value for d in sentence.dates if start <= d.start < end and d.relative and d.value and len(d.value) == 7),
                None)  # the sentence's own dates: a scan of the page's would cost in proportion to it, per clause


LATER = re.compile(r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                   r"(?P<unit>years?|months?|weeks?|days?)\s+later|the\s+(?:following|next)\s+(?P<next>day|week))\b",
                   re.IGNORECASE)
"""Some time after a date told before: "pardoned a year later", "Five years later, X was freed", "The following day,
another 9 were freed"."""
LATER_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def later_than_before(ctx: Context, sentence: Sentence, offset: int) -> tuple[str, int] | None:
    """"X was jailed in May 2021. X was pardoned a year later": the year, month or day a freeing some time after a
    date written before it, in its sentence or the one before (`_later_date`), dates it to, when that is not the
    article's release's ("X, arrested in March 2026, was released eight months later" is the page's November release;
    "jailed in 2019, was released two years later" is a release of 2021; "freed 14 on 10 November. The following day,
    another 9 were freed" is a release of 11 November), and where the words of the time after begin. None without such
    a date, or for the page's release."""
    start, end = sentence.clause(offset)
    # in the freeing's clause, or opening its sentence ("Five years later, X was freed"); the sentence is read for the
    # words once, not at each of the many freeings a long sentence may hold
    spans = sentence.spans_of(LATER, ctx.text)
    if not spans:
        return None
    k = bisect.bisect_left(spans, (start, -1))
    at = spans[k][0] if k < len(spans) and spans[k][0] < end else \
        spans[0][0] if spans[0][0] - sentence.start < 3 else None
    if at is None or not sentence.freeing_between(start, end):
        return None  # (a freeing's clause: "The following day, the 14 were driven to Vilnius" moved those freed before)
    if at < offset and SAID_BETWEEN.search(ctx.text, at, offset):
        return None  # "The following day, officials said another 9 had been freed": the day of the saying
    if at not in ctx.later_dates:  # (asked once per words of time: a sentence may hold thousands of freeings and dates)
        ctx.later_dates[at] = _later_date(ctx, sentence, LATER.match(ctx.text, at))
    value = ctx.later_dates[at]
    main = ctx.release_dates.get(ctx.release) if ctx.release else None
    if value is None or main is not None and main.agrees(parse_date(value)):
        return None  # not told to the month or day it needs, or the page's own release
    if ctx.anchor is not None and ctx.anchor.precision == "day" and parse_date(value).start > ctx.anchor.end:
        return None  # after the page's own day: not a freeing the page reports done
    return value, at


def _later_date(ctx: Context, sentence: Sentence, later: re.Match) -> str | None:
    """The date `later`'s time after a date written before it, in its sentence or the one before, comes to: the last
    freeing's date there ("freed 14 on 10 November, a week after talks on 3 November. The following day, ..." is 11
    November); for months and years, else the last date ("jailed in May 2021 ... pardoned a year later"); for days
    and weeks only a freeing's."""
    first = ctx.previous_start if ctx.previous_sentence else sentence.start  # the sentence before, too
    unit = (later.group("next") or later.group("unit")).lower().rstrip("s")
    k = bisect.bisect_left(ctx.dates, later.start(), key=lambda d: d.start)
    anchors = []
    for i in range(k - 1, -1, -1):
        date = ctx.dates[i]
        if date.start < first or len(anchors) >= LATER_ANCHORS:
            break
        if date.value and (date.has_year or unit != "year") and (not date.relative or unit in ("day", "week")):
            anchors.append(date)  # (a year later than "in May" is not told: its year is the page's guess; a day
            # later than "on Friday" is the Saturday after the page's Friday)
    freeing = next((d for n, d in enumerate(anchors) if _freeings_own(ctx, first, d, anchors[n + 1:n + 2])), None)
    anchor = freeing or (anchors[0] if anchors and unit in ("year", "month") else None)
    if anchor is None:
        return None
    count = 1 if later.group("next") else LATER_NUMBERS.get(later.group("count").lower()) or int(later.group("count"))
    return _shifted(anchor.value, count, unit)


def _freeings_own(ctx: Context, first: int, date: DateMention, before: list[DateMention]) -> bool:
    """True for a freeing's own date: a word of freeing shortly before it, with no comma, semicolon or other date
    between ("freed on Friday", "freed 14 prisoners on 10 November"; not "freed on Friday, ending a term that began
    on 3 March", nor "freed in 2025 after a deal struck in May 2024": May is the deal's), or shortly after it in its
    sentence ("on 4 May, 30 detainees were let go")."""
    since = max(first, date.start - 40, before[0].end if before else 0)
    freeing = None
    for freeing in FREEING.finditer(ctx.text, since, date.start):
        pass
    if freeing is not None and not re.search(r"[,;]", ctx.text[freeing.end():date.start]):
        return True
    after = FREEING.search(ctx.text, date.end, min(len(ctx.text), date.end + 40))  # "on 4 May, 30 detainees walked out"
    return after is not None and not re.search(r"[;.]|\b(?:19|20)\d\d\b", ctx.text[date.end:after.start()])


LATER_ANCHORS = 8
"""How many dates before the words of time after are weighed as what they count from (a window: a sentence may hold
thousands of dates)."""
SAID_BETWEEN = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|stated)\b")


def _shifted(value: str, count: int, unit: str) -> str | None:
    """A date `count` units after `value`, to the precision both tell: a year later than May 2021 is 2022 (the month
    not told), eight months later than March 2026 is 2026-11, a day later than a month is not told."""
    year = int(value[:4])
    if unit == "year":
        return f"{year + count:04d}"
    if len(value) < 7:
        return None
    if unit == "month":
        months = year * 12 + int(value[5:7]) - 1 + count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if len(value) < 10:
        return None
    return (dt.date.fromisoformat(value) + dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat()


YEAR_BEFORE = re.compile(r"\b(?:last|previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b")  # lower case: not "Last year," opening


def _year_before_last(ctx: Context, sentence: Sentence, offset: int) -> str | None:
    """"a bigger one last year, when 85 were freed": the year before the article's."""
    if ctx.anchor is None or not any(end <= offset for _, end in sentence.spans_of(YEAR_BEFORE, ctx.text)):
        return None
    return str(ctx.anchor.start.year - 1)


def _total_noun(ctx: Context, figure) -> bool:
    """True when a figure counts everyone freed ("52 political prisoners", "52 were"), not a group of them
    ("14 foreigners", "14 with foreign citizenship"): only such a figure can name a release by its total."""
    return bool(re.match(r"\s+[\"“]?(?:(?:more|other|political|jailed|detained|incarcerated|convicted)\s+)*(?:prisoners|people|"
                         r"persons|detainees|inmates|individuals|captives|hostages|others|citizens(?!\s+of\s+(?-i:[A-Z]))|"
                         r"convicts)\b[\"”]?"
                         r"(?!\s+(?:with|holding)\s+(?:a\s+)?foreign\b)|"
                         r"\s+(?:were|have|had|was)\b", ctx.text[figure.end:figure.end + 40], re.IGNORECASE))


def describes_someone(ctx: Context, sentence: Sentence, date: DateMention) -> bool:
    """True for a date inside what a comma or a "who" clause says of someone ("A, who was sentenced in 2021, was
    released"), which dates no freeing; not a freeing's own date there ("A, who was released on Friday,")."""
    inside = in_description(ctx, sentence, date) or ABOUT_SOMEONE.search(ctx.text, sentence.start, date.start)
    comma = ctx.text.rfind(",", max(sentence.start, date.start - 80), date.start)  # where what is said of them begins
    return bool(inside) and not FREEING.search(ctx.text, max(sentence.start, comma, date.start - 80), date.start)


def in_description(ctx: Context, sentence: Sentence, date: DateMention) -> bool:
    """True for a date inside what a comma after a name says the person is ("X, a leader of the strikes that shook the
    city in 2019, and Y were among those released"), or inside a clause of what was done to those freed ("The five,
    convicted of breaking into an arsenal in 2003, were released"): their story, not the freeing's day."""
    if DONE_TO.search(ctx.text, sentence.start, date.start) and re.match(r"[^,;.]*,", ctx.text[date.end:sentence.end]):
        return True
    for name in sentence.names:
        if name.end <= date.start:
            described = apposition(ctx.text, name.end)
            if described and described[1] <= date.start < described[2]:
                return True
    return False


DONE_TO = re.compile(r",\s+(?:who\s+(?:was|were|had\s+been)\s+)?(?:convicted|arrested|detained|jailed|sentenced|accused|"
                     r"charged|imprisoned|captured|abducted|seized)\b(?:(?!\b(?:freed|released|pardoned)\b)[^,;:])*$")
"""An open clause of what was done to someone, the date inside it ("The five Papuans, convicted of ... in 2003,")."""


def other_year(ctx: Context, sentence: Sentence, start: int, end: int) -> str | None:
    """A year the clause (or the sentence's opening, "In 2024, ...") dates its freeing to, when it is not
    the year of the article's release: "three journalists were pardoned in 2024" is another release."""
    main = ctx.release_dates.get(ctx.release) if ctx.release else None
    for date in sentence.dates:
        opening = date.start - sentence.start < 12 and re.match(r"\s*,", ctx.text[date.end:date.end + 2])
        if not (opening or start <= date.start < end) or not date.value or len(date.value) != 4 or date.relative:
            continue
        if OTHER_EVENT.search(ctx.text[max(sentence.start, date.start - 40):date.start]) or \
                EVENT_AFTER.match(ctx.text, date.end) or \
                not re.search(r"\b(?:[Ii]n|[Dd]uring|[Ee]arlier\s+in|[Ll]ater\s+in)\s+$", ctx.text[date.start - 15:date.start]):
            continue  # "in 2024" anchors a freeing in time; "the 2020 protest leader" does not
        if re.search(r"\b(?:who|which|whose|given|serving|received)\b", ctx.text[min(start, date.start):date.start]) or \
                in_description(ctx, sentence, date):
            continue  # "X, who was given 11 years in 2022, was freed": the year of something said of X
        if main is None or str(main.start.year) != date.value:
            return date.value
    return None


EARLIER = re.compile(r"\b(?:earlier|previous|prior|last|another|former|first|second|third|latest|next|"
                     r"future|further|similar)\s+(?:\w+\s+)?$", re.IGNORECASE)
EARLIER_REACH = 60
"""How far before a freeing word EARLIER is read (its two words right before it), not the sentence up to it each time."""


EVENT_BEFORE_DATE = re.compile(r"\b(?:following|after|since|before|ahead\s+of)\s+(?:an?\s+|the\s+|its\s+)?"
                               r"(?:(?!(?:freeing|release|releases|pardon|pardons|swap|exchange)\b)[a-z][\w-]*\s+){0,3}?"
                               r"(?:(?:of|on|in)\s+)?$|"
                               # "in the wake of a reform bill adopted by deputies on July 2", "once lawmakers passed an
                               # amnesty bill on July 2": a longer phrase of the event, which its verb ends
                               r"\b(?:in\s+the\s+wake\s+of|once)\s+(?:an?\s+|the\s+)?"
                               r"(?:(?!(?:freeing|release|releases|pardon|pardons|swap|exchange)\b)[a-z][\w-]*\s+){0,6}?"
                               r"(?:on|in)\s+$", re.IGNORECASE)
"""Before a freeing's date, words that make it an event the news comes after or before, with up to three words between
("the third announced by the council following an April 12 general amnesty that saw 140 inmates freed", "after a
general amnesty on April 12"; not "after the release on"): no day of the page's own release."""


def _after_an_event(ctx: Context, sentence: Sentence, date) -> bool:
    """True for a date right after the words of an event the news comes after or before (`EVENT_BEFORE_DATE`), read
    within the 50 characters before it."""
    return bool(EVENT_BEFORE_DATE.search(ctx.text, max(sentence.start, date.start - 80), date.start))


PAST_EVENT = re.compile(r"\W*(?:The|An?)\s+(?:last|previous|earlier|prior)\s+(?:\w+\s+){0,2}?"
                        r"(?:swap|exchange|release|deal|amnesty|pardon)s?\b", re.IGNORECASE)
IN_TOTAL_SINCE = r"\b(?:in\s+total|in\s+all|altogether),?\s+since\b"
"""A running total's opening, the releases since a time added up."""
SINCE_OPENING = re.compile(r"\W*since\s+(?:then|that\s+time|(?:early|late|mid-?)?\s*(?:19|20)\d\d|"
                           r"(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December)(?:\s+(?:19|20)\d\d)?|the\s+(?:start|beginning|end)\s+of\s+[^,;.]{1,30}|"
                           r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+(?:19|20)\d\d|"
                           r"last\s+(?:year|spring|summer|autumn|fall|winter)|taking\s+office|(?:his|her)\s+"
                           r"(?:re-?election|inauguration)|[^,;.]{1,40}?\b(?:became|took\s+(?:office|power)|"
                           r"came\s+to\s+power|was\s+(?:elected|inaugurated|sworn\s+in)|assumed\s+(?:office|power))\b[^,;.]{0,20}),\s+"
                           r"(?=[^.;]*?\b(?:has|have)\s+(?:\w+ly\s+|also\s+)?(?:pardoned|freed|released)\b)", re.IGNORECASE)
"""A sentence that opens with a long time since which someone has freed people ("Since then, X has pardoned more than
190 people", "Since 2024, ..."): a running total, matched at the sentence's start; not a news lead from a day or
an event ("Since Monday, the authorities have freed 52")."""
RUNNING_TOTAL = re.compile(r"\b(?:total|tally)\s+(?:number\s+)?(?:of\s+)?[^.;]{0,60}?\b(?:(?:has|have|had)\s+(?:now\s+)?"
                           r"(?:reached|risen|grown|climbed|topped|exceeded|passed)|(?:rose|rises|stands|stood)\s+(?:to|at))\b|"
                           rf"{IN_TOTAL_SINCE}",  # "In total, since last month ... has pardoned 156"
                           re.IGNORECASE)
"""A running total over several releases ("Counting pardons granted in early May, the total number of people
pardoned this spring has reached 47"): its dates are the earlier releases', not the one the article reports."""


def freeings_outside_totals(sentence: Sentence) -> list[re.Match]:
    """The sentence's words of freeing that may date a release: none inside a running total (its words and what
    "Including ..., " adds to it), while "Belarus freed 52 on November 20, and the total freed this year has reached
    300" keeps the freeing before the total."""
    total = RUNNING_TOTAL.search(sentence.text) or SINCE_OPENING.match(sentence.text)
    if total is None:
        return sentence.freeing()
    begins = 0 if re.match(r"\W*(?:Including|Counting)\b", sentence.text) else total.start()
    return [m for m in sentence.freeing() if m.start() < begins]


PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|now|just|already|reportedly|officially)\s+)?(?:been\s+)?$",
                             re.IGNORECASE)
"""Before a freeing, the present perfect: "has pardoned", "have now been freed" (news, which dates nothing)."""


OWN_DAY = rf"(?:{TODAY_WORDS}|yesterday|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
"""A day named from the page's own date: "today", "yesterday", "on Friday"."""
UNDATED_DAY = re.compile(rf"(?:(?!\b(?:said|says|told|announced|reported|confirmed|added|wrote|stated)\b)[^.;]){{0,80}}?"
                         rf"\b{OWN_DAY}\b", re.IGNORECASE)
"""After a lead's freeing, a day named from the page's own date: "today", "yesterday", "on Friday" (not the day of a
saying: "has freed 18, the group said on Wednesday" may be dated by the next line, "They were released in mid-August")."""
UNDATED_DAY_BEFORE = re.compile(rf"\b{OWN_DAY}\s+(?:\w+\s+)?$", re.IGNORECASE)
"""Right before it: "X today pardoned 31", "Belarus on Friday freed"."""


def article_release(ctx: Context, sentences: list[Sentence]) -> str | None:
    """The release the article reports: dated in the first sentence about freeing that carries a
    day or month (in the clause of the freeing word first, else anywhere in the sentence; never
    "an earlier release"); else a known release dated in the week before the article; else one
    proposed under the article's month, since the day is not written."""
    reporting = 0  # sentences of prose about freeing read so far: the lead and the one after it
    # on a page that gives no day or month of its own, a freeing in a clause about someone it names ("X, whose husband
    # was released in June,") is that person's story: no sign of which release the page reports
    undated = ctx.anchor is None or ctx.anchor.precision == "year"
    news_undated = False  # an undated page's lead in the present perfect, which dates nothing: see _counts_after
    for sentence in sentences:
        if reporting >= 2:
            break  # further down, a dated freeing is as likely an earlier release, listed for background
        reporting += bool(sentence.freeing() and not sentence.heading)
        candidates = []
        own_day = None  # the first freeing's own day, named from the article's date ("freed 16 prisoners on Friday")
        if PAST_EVENT.match(sentence.text):
            continue  # "The previous big exchange took place in March 2021, with ...": background, not the news
        for n, match in enumerate(freeings_outside_totals(sentence)):
            offset = sentence.start + match.start()
            if EARLIER.search(sentence.text, max(0, match.start() - EARLIER_REACH), match.start()) or \
                    other_side(ctx, sentence, offset) or \
                    undated and ABOUT_SOMEONE.search(sentence.text, 0, match.start()) or \
                    news_undated and _counts_after(sentence, match):
                continue
            date = release_date(ctx, sentence, offset)
            if date is None and n == 0 and reporting == 1 and not undated and not sentence.heading:
                # "X freed an initial group of insurgents granted pardons over the truce on Thursday": the lead's own
                # day, further on in its sentence
                date = next((d for d in days_further_on(ctx, sentence, offset) if d.relative), None)
            if date is not None and _after_an_event(ctx, sentence, date):
                continue  # "following an April 12 general amnesty that saw 140 freed": an event the news comes after
            if date is not None:
                candidates.append((0, date))
                if n == 0 and date.relative and date.value and len(date.value) == 10 and not undated:
                    own_day = date
            # (the dates within DATE_REACH of it: a sentence of many freeings and dates read each date for each one)
            candidates += [(1, d) for d in sentence.dates_within(offset - DATE_REACH, offset + DATE_REACH)
                           if d.value and len(d.value) >= 7 and not d.relative and
                           not _after_an_event(ctx, sentence, d) and not decree_of(ctx, d) and
                           not OTHER_EVENT.search(ctx.text[max(sentence.start, d.start - 40):d.start]) and
                           not ELECTION_AFTER.match(ctx.text, d.end) and
                           not reported(ctx, d, offset, sentence.start) and not another_event(ctx, d, offset) and
                           not (undated and ABOUT_SOMEONE.search(ctx.text, sentence.start, d.start))]
        written = [(rank, d) for rank, d in candidates if not d.relative]
        if undated and not written and reporting == 1 and sentence.freeing() and not sentence.heading and \
                (UNDATED_DAY.match(sentence.text, sentence.freeing()[0].end()) or
                 UNDATED_DAY_BEFORE.search(sentence.text, max(0, sentence.freeing()[0].start() - 40),
                                           sentence.freeing()[0].start())):
            news_undated = True  # (as a lead in the present perfect: what the next lines date and count is earlier)
            break  # "X today pardoned 31 people": the news of a day the undated page does not give; a month a later
            # sentence dates a freeing to ("67 were released in September") is an earlier release's, not the page's
        if own_day is not None:
            # "freed 16 prisoners on Friday, six months after it freed 16 others in June": the first freeing's own
            # day, not a month a later clause gives an earlier release
            return _own_release(ctx, own_day.value)
        if written:
            best = min(written, key=lambda c: (c[0], -len(c[1].value), c[1].start))[1]
            return _own_release(ctx, best.value)
        lead = sentence.freeing() and not sentence.heading and reporting == 1
        news_undated = news_undated or bool(undated and lead and
                                            PRESENT_PERFECT.search(sentence.text, 0, sentence.freeing()[0].start()))
    if ctx.anchor is not None:
        near = [r for r, d in ctx.release_dates.items()
                if d.precision == "day" and dt.timedelta(0) <= ctx.anchor.start - d.start <= dt.timedelta(days=7)]
        if near:
            return max(near, key=lambda r: ctx.release_dates[r].start)
    known, by_envoy = _known_release(ctx, sentences)
    if known and not by_envoy:
        return known
    relative = [(s, release_date(ctx, s, s.start + m.start()) or next(days_further_on(ctx, s, s.start + m.start()), None))
                for s in sentences for m in freeings_outside_totals(s)
                if not PAST_EVENT.match(s.text) and not other_side(ctx, s, s.start + m.start())
                and not (undated and ABOUT_SOMEONE.search(s.text, 0, m.start()))
                and not (news_undated and _counts_after(s, m))]
    relative = [d for s, d in relative if d is not None and not (undated and ABOUT_SOMEONE.search(ctx.text, s.start, d.start))
                and len(d.value) == 10  # "last month" is an earlier release's, never the page's own
                and not _after_an_event(ctx, s, d)]
    if relative:
        return _own_release(ctx, relative[0].value)
    if ctx.anchor is not None and ctx.anchor.precision != "year" and any(s.freeing() or s.announced() for s in sentences):
        month = ctx.anchor.text[:7]
        return _registered_release(ctx, month) or release_for(
            ctx, month, note="the article does not date the release; named for the month it was published")
    if ctx.anchor is not None and any(s.freeing() for s in sentences):
        in_year = _releases_of_the_year(ctx)
        if len(in_year) == 1:  # the page gives only its year, and the registry knows one release in it
            ctx.release_guessed = "only-release-of-year"
            return in_year[0]
    return _release_of_weekday(ctx, sentences) or _new_release_of_year(ctx, sentences) or _envoy_guess(ctx, known)


COUNTED_RIGHT_AFTER = re.compile(r"\s+(?:for\s+)?(?:a\s+further\s+|another\s+|a\s+total\s+of\s+|"
                                 r"(?:a|the)\s+(?:first|second|third|new|further|larger|smaller)?\s*(?:group|batch)\s+of\s+)?$")
"""Between a freeing and the figure that counts whom it freed: "freed 12", "a pardon for 25", "freed a total of 52",
"released a group of 16" (not "freeing the 18", a group told before, nor "released in two batches")."""


def _counts_after(sentence: Sentence, freeing: re.Match) -> bool:
    """True when a freeing counts whom it freed ("freed 12 detainees", "a pardon for 25 others"): after an undated
    lead in the present perfect ("X has pardoned 26 people"), which dates nothing, such a freeing dated further down is
    a release of its own, an earlier one, not the page's (but "They were released in mid-August", "X was released on 25
    October" and "a decree freeing the 18 on 14 August" may be the lead's, and date it)."""
    after = sentence.start + freeing.end()
    first = next(iter(sentence.figures_within(after, after + 30)), None)
    return first is not None and bool(COUNTED_RIGHT_AFTER.match(sentence.text, freeing.end(), first.start - sentence.start))


def _releases_of_the_year(ctx: Context) -> list[str]:
    """The releases the registry or the project's claims date within the page's year (none across two years)."""
    return [r for r, d in ctx.release_dates.items() if d.start.year == ctx.anchor.start.year == d.end.year]


NOT_A_FREEING_DATE = re.compile(r"\b(?:announced|declared|signed|sentenced|convicted|arrested|detained|jailed|born|"
                                r"elected)\s+(?:\w+\s+){0,2}?(?:in|on|since|last)\s+$", re.IGNORECASE)
"""Right before a date, words that make it the day of something else than a freeing: "announced in June"."""


def _own_part(ctx: Context, sentence: Sentence, offset: int) -> int:
    """Where the part of a sentence with a freeing at `offset` begins: after the last ", and" or semicolon before it
    (within 80 characters), so "..., among them A, and two priests were pardoned separately" reads no "among them"."""
    window = max(sentence.start, offset - 80)
    cut = max((m.end() for m in re.finditer(r",\s+and\s|;", ctx.text[window:offset])), default=0)
    return window + cut


def _names_another_country(ctx: Context, release: str) -> bool:
    """True when a release's id names a country the registry knows, never the page's nor one the page names as a party
    ("release-2027-poland-pardon" on a page about Belarus that names no Poland so; not one that names the page's own
    country too, "release-2027-belarus-poland-swap", nor a city, "release-2027-vilnius-handover"; a name of two words
    counts, "release-2027-united-states")."""
    if not ctx.country:
        return False
    named = {e.id for e in ctx.registry.entities.values()
             if e.kind == "place" and ctx.registry.top(e.id) == e.id and f"-{e.id}-" in f"-{release}-"}
    # (nor a country the page names as the freeing's partner: "an accord with the United States" may be on
    # "release-2027-09-united-states-deal"; not "a Poland-based channel", "crossed into Poland")
    return bool(named) and ctx.country not in named and not any(
        n.entity in named and PARTNER_BEFORE.search(ctx.text, max(0, n.start - 40), n.start) for n in ctx.names)


PARTNER_BEFORE = re.compile(r"\b(?:deal|swap|exchange|agreement|accord|talks|negotiations)\s+with\s+(?:the\s+)?$|"
                            r"\b(?:brokered|mediated)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a country's name, words that make it the other party of a freeing: "an accord with the United States"."""


def _new_release_of_year(ctx: Context, sentences: list[Sentence]) -> str | None:
    """For a page that gives only its year and frees someone: the one release of that year the registry has and no
    claim of the project tells of yet, as when the page's contributor registered it before drafting (marked for
    review); a release the registry does not date is of the year its id names. Never one whose id names only a country
    other than the page's (`_names_another_country`; unless two are of one day, an exchange's two sides, which leave no
    guess). Of two or more, the one a freeing on the page does not date as background ("In June, 14 other prisoners
    had been released"), when only one is left so; else the one whose day is the weekday the page tells of its freeing
    on, said or done; not when the page's weekday of its freeing is not that release's day. (The registry gives a
    release no country, so a page about another country's release of that year may be put on it: the review mark says
    so.)"""
    if ctx.anchor is None or ctx.anchor.precision != "year" or not _freeing_sentences(sentences):
        return None
    year = ctx.anchor.start.year
    # (a release the registry does not date is of the year its id names: "release-ruritania-2027-clemency")
    undated = [e.id for e in ctx.registry.entities.values() if e.kind == "release" and e.id not in ctx.release_dates
               and re.findall(r"\b(?:19|20)\d\d\b", e.id) and
               all(int(y) == year for y in re.findall(r"\b(?:19|20)\d\d\b", e.id))]
    new = [r for r in _releases_of_the_year(ctx) + undated if r not in ctx.told_releases]
    days = [ctx.release_dates[r] for r in new if r in ctx.release_dates]
    if len(set(days)) == len(days):
        # never a release whose id names only a country other than the page's (unless two are of one day, as the two
        # sides of an exchange are: then the page may tell of either, and no guess is made below)
        new = [r for r in new if not _names_another_country(ctx, r)]
    if len(new) > 1:  # of several, set aside those a freeing on the page dates ("In June, 14 other prisoners had been
        # released"): background, when only one is left so
        # (a date of a sentence that frees, "40 were freed in October and 25 in May"; not a date of what was
        # announced or done to someone, "an amnesty announced in June", "X, who was sentenced in June,")
        told = [parse_date(d.value) for s in sentences if s.freeing() for d in s.dates
                if d.value and len(d.value) >= 7 and not describes_someone(ctx, s, d) and
                not NOT_A_FREEING_DATE.search(ctx.text, s.start, d.start)]
        own = [r for r in new if not any(r in ctx.release_dates and ctx.release_dates[r].agrees(value)
                                         for value in told)]
        new = own if len(own) == 1 else new
    if len(new) > 1:  # two new releases of the year: the one whose day is the weekday the page tells its freeing on
        told_on = _weekday_of_freeing(sentences, said=True)
        new = [r for r in new if r in ctx.release_dates and ctx.release_dates[r].precision == "day" and
               ctx.release_dates[r].start.strftime("%A") == told_on]
    if len(new) != 1:
        return None
    day, date = _weekday_of_freeing(sentences), ctx.release_dates.get(new[0])
    if day is not None and date is not None and date.precision == "day" and date.start.strftime("%A") != day:
        return None  # "On Wednesday, Belarus released 25" and a release the registry dates to a Friday
    ctx.release_guessed = "new-release-of-year"
    return new[0]


OTHER_DAY = re.compile(r"\b(?:after|before|since|ahead\s+of|following|talks|meeting|visit|met|arrived)\b", re.IGNORECASE)
"""Between a freeing and a weekday, words that make the day another event's ("four days after talks on Friday")."""
WEEKDAY = re.compile(r"\b(?:(?:late|early)\s+)?(?:on\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                     r"(?:\s+(?:night|morning|evening|afternoon))?\b")
"""A weekday as written in a sentence ("on Friday", "late Tuesday night"), for a page with no day to count it from."""


def _freeing_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The first two sentences of prose that free someone, not a headline's nor a past event's."""
    return [s for s in sentences if s.freeing() and not s.heading and not PAST_EVENT.match(s.text)][:2]


def _weekday_of_freeing(sentences: list[Sentence], said: bool = False) -> str | None:
    """The weekday of a page's first freeing that names one ("Belarus released on Wednesday three people", "On
    Wednesday, Belarus released ..."), not another event's; nor a saying's day, unless `said` ("Officials said
    Tuesday the group had been flown out": the day the news was told, on or after the freeing)."""
    for sentence in _freeing_sentences(sentences):
        first = sentence.freeing()[0]
        if said and re.search(r"\b(?:earlier|ago|yesterday|(?:days?|the\s+day|the\s+week)\s+before|last\s+(?:week|night)|"
                              r"this\s+week|overnight)\b", sentence.text, re.IGNORECASE):
            continue  # "Officials said Friday that Belarus had freed 25 prisoners a day earlier": not the freeing's day
        days = {m.group("day") for m in WEEKDAY.finditer(sentence.text)
                if -60 < m.start() - first.start() < 130 and
                (said or not re.search(r"\b(?:said|says|told|announced|reported|confirmed|wrote|added|statement|"
                                       r"release)\s+(?:\w+\s+){0,2}$", sentence.text[max(0, m.start() - 40):m.start()])) and
                not OTHER_DAY.search(sentence.text, min(first.end(), m.start()), max(first.start(), m.start()))}
        if len(days) == 1:
            return days.pop()
    return None


def _release_of_weekday(ctx: Context, sentences: list[Sentence]) -> str | None:
    """For a page that gives only its year: the weekday of its first freeing names the one release of that year the
    registry dates to that weekday, if there is only one (marked for review: the page may report a release the
    registry does not know), and not one the project's quotes tell of as another country's than the page's."""
    if ctx.anchor is None or ctx.anchor.precision != "year":
        return None
    day = _weekday_of_freeing(sentences)
    if day is None:
        return None
    on_day = [r for r, d in ctx.release_dates.items() if d.precision == "day" and d.start.year == ctx.anchor.start.year
              and d.start.strftime("%A") == day and not not_this_pages(ctx, r)]
    if len(on_day) == 1:
        ctx.release_guessed = "weekday-of-year"
        return on_day[0]
    return None


ABOUT_SOMEONE = re.compile(r"(?:,\s+who|\bwhose)\b[^,;:]*$", re.IGNORECASE)
"""A freeing inside a clause about someone the sentence names ("X, who was freed in June,", "the activist whose
brother was released from prison in May")."""


AT_THAT_TIME = re.compile(r"\b(?:freed|released|pardoned)\s+(?:at\s+(?:the|that)\s+time\b(?!\s+of\b)|back\s+then\b|"
                          r"then(?=\s*[,.;]|\s+(?:included?|were|was|are)\b))", re.IGNORECASE)
"""A freeing tied to an earlier one the page told of: "Among those freed at the time were A and B", "Those freed
then included A", "A, who was released at that time," (not "arrested at the time of the protests", "freed then driven
to the border")."""


def _known_release(ctx: Context, sentences: list[Sentence]) -> tuple[str | None, bool]:
    """For an article that dates no freeing: the one release of the article's year that the project's claims
    already tie to what its sentences about freeing name, the people freed in it, its envoy or its total (not a
    sentence that dates its freeing in its own words, "In June, 140 were released", or ties it to an earlier one,
    "released at the time"); and whether an envoy's vote alone chose it (then it is the last guess: `_envoy_guess`)."""
    year = ctx.anchor.start.year if ctx.anchor is not None else None
    votes: Counter = Counter()
    sure: set[str] = set()  # releases a freed person or a total voted for, not an envoy alone
    firm: set[str] = set()  # releases a freed person voted for outside a recap ("After the meeting, ... were freed")
    for sentence in (s for s in sentences if s.freeing() and not AT_THAT_TIME.search(s.text)):
        if any(getattr(release_date(ctx, sentence, sentence.start + m.start()), "value", None) for m in sentence.freeing()):
            continue  # "In June, 140 prisoners were released" down the page: the release of its own date
        for name in sentence.names:
            if asked_whether(ctx.text[max(sentence.start, name.start - 200):name.start]):
                continue  # "could not confirm whether X was among those released": no vote for X's release
            for release in ctx.freed_in.get(name.entity or "", ()):
                votes[release] += 1
                sure.add(release)
                if not RECAP.match(sentence.text) and not EARLIER_FREEING_OF.search(
                        ctx.text, max(sentence.start, name.start - 80), name.start):
                    firm.add(release)
            for release in ctx.envoy_in.get(name.entity or "", ()):
                votes[release] += 0.5  # an envoy serves in more releases than the project may yet know: a weaker sign
        for figure in [f for f in sentence.figures if _total_noun(ctx, f)][:1]:  # its total; not its groups
            others = re.match(r"\s+other", ctx.text[figure.end:figure.end + 8])
            for release, totals in ctx.release_totals.items():
                if figure.value + (1 if others else 0) in totals:
                    votes[release] += 1
                    sure.add(release)
    ranked = [(n, r) for r, n in votes.most_common()
              if year is None or r not in ctx.release_dates or ctx.release_dates[r].start.year == year]
    if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None, False
    # the lead's own total, when the project records others for a release only a recap names freed people of, says the
    # page reports another one ("granted clemency to 16 convicted citizens ... After the meeting, a number of prisoners,
    # including A, were released", A one of a release of 14)
    first = next((s for s in _freeing_sentences(sentences)
                  if not RUNNING_TOTAL.search(s.text) and not SINCE_OPENING.match(s.text)), None)
    lead = set() if first is None or RECAP.match(first.text) else \
        {f.value for f in first.figures if f.qualifier == "exact" and _total_noun(ctx, f) and
         not re.match(r"\s+other", ctx.text[f.end:f.end + 8])}
    recorded = ctx.release_totals.get(ranked[0][1], set())
    if lead and recorded and not lead & recorded and ranked[0][1] not in firm:
        return None, False
    return ranked[0][1], ranked[0][1] not in sure


RECAP = re.compile(r"\W*(?:Following|After|Earlier|Previously|Before\s+that|In\s+the\s+wake\s+of)\b")
"""A sentence's opening that tells of what came before the news: "After the meeting, a number of prisoners ..."."""
BEFORE_THE_NEWS = r"(?:recent|earlier|previous|prior)"
"""Words that make a freeing one before the news ("the recent release of A"), or the news itself."""
EARLIER_FREEING_OF = re.compile(rf"\b{BEFORE_THE_NEWS}\s+(?:release|pardon|freeing)\s+of\s+[^.;:!?]*$", re.IGNORECASE)
"""Before a name, a freeing that came before the news: "citing the recent release of the blogger A"."""


def _envoy_guess(ctx: Context, release: str | None) -> str | None:
    """The release an envoy alone voted for (`_known_release`), marked for review: the envoy may serve in a release the
    project does not know yet."""
    if release:
        ctx.release_guessed = "envoy-of-release"
    return release


# --- sanctions --------------------------------------------------------------------------------------

GENERIC = {"the", "and", "its", "their", "his", "her", "sanction", "sanctions", "restrictions", "restriction", "on",
           "against", "of", "for", "from", "certain", "some", "all", "other", "more", "further", "relief", "us", "u",
           "s", "eu", "state", "imposed", "wide", "ranging", "economic", "western", "international", "new", "list",
           "concessions", "country", "regime", "government", "measures", "that", "this", "those", "these", "with",
           "including", "key", "which", "in", "to", "a", "an", "place", "remain", "remaining"}


def _words(text: str) -> set[str]:
    text = re.sub(r"[’']s\b", "", text.lower())
    return {w for w in re.findall(r"[a-z]+", text) if len(w) > 2 and w not in GENERIC}


def sanction_named(ctx: Context, phrase: str, actor: str | None = None) -> str | None:
    """The sanction a phrase names by its distinctive words; None when it names none. Never another actor's: "the
    EU ended its sanctions on the potash producer" is not the US sanctions on it."""
    words = _words(phrase) - _place_words(ctx)
    if not words:
        return None
    prefix = _short_name(ctx, actor)
    scores = []
    for entity in (e for e in ctx.registry.entities.values() if e.kind == "sanction"):
        theirs_prefix = re.match(r"([a-z]{2,3})-", entity.id)
        if prefix and len(prefix) <= 3 and theirs_prefix and theirs_prefix.group(1) != prefix:
            continue
        theirs = set().union(*(_words(n) for n in (entity.name, *entity.aliases)))
        for target in ctx.sanction_targets.get(entity.id, ()):
            known = ctx.registry.get(target)
            if known:
                theirs |= set().union(*(_words(n) for n in (known.name, *known.aliases)))
        overlap = len(words & theirs)
        if overlap:
            scores.append((overlap / len(words), entity.id))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < 0.3 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _place_words(ctx: Context) -> set[str]:
    """Country names and their adjectives are not what tells two sanctions apart."""
    words = set()
    for entity in (e for e in ctx.registry.entities.values() if e.kind == "place"):
        for name in (entity.name, *entity.aliases):
            stem = name.lower()
            words |= {stem, stem + "n", stem + "ian", stem[:-1] + "ian", stem[:-1] + "an"}
    return words


def distinctive(ctx: Context, phrase: str) -> set[str]:
    """The words of a sanctions phrase that could tell one sanction from another."""
    return _words(phrase) - _place_words(ctx)


def generic(phrase: str, ctx: Context) -> bool:
    """True when a sanctions phrase names nothing particular: "sanctions relief", or sanctions on a
    country, a city or a government ("sanctions on the capital", "sanctions on Belarus")."""
    return not (_words(phrase) - _place_words(ctx) - _state_words(ctx))


def _state_words(ctx: Context) -> set[str]:
    """The words of every registry place, and of every organisation that is part of one (a government)."""
    words: set[str] = set()
    for entity in ctx.registry.entities.values():
        if entity.kind == "place" or (entity.kind == "organisation" and entity.part_of and
                                      ctx.registry.kind(entity.part_of) == "place"):
            for name in (entity.name, *entity.aliases):
                words |= _words(name)
    return words


def _short_name(ctx: Context, entity_id: str | None) -> str:
    """How ids name the country an actor belongs to: its shortest alias if it is an abbreviation
    ("US", "EU"), else its name; "" when the actor is unknown."""
    if not entity_id or entity_id not in ctx.registry:
        return ""
    top = ctx.registry.get(ctx.registry.top(entity_id))
    short = min((a for a in top.aliases if re.fullmatch(r"[A-Z.]{2,5}", a)), key=len, default=None)
    return slug(short or top.name)


def propose_listing(ctx: Context, country: str, actor: str | None) -> str:
    """A new sanction for a country's designation as a sponsor of terrorism ("us-terrorism-designation-cuba")."""
    sid = "-".join(p for p in (_short_name(ctx, actor), "terrorism-designation", slug(country)) if p)
    return ctx.propose("sanctions", {"id": sid, "name": f"Designation of {country} as a state sponsor of terrorism",
                                     "aliases": []})


def propose_sanction(ctx: Context, phrase: str, actor: str | None) -> str:
    """A new sanction for a target the registry has no sanction on."""
    target = re.sub(r"^(?:the|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    prefix = _short_name(ctx, actor)
    target_slug = re.sub(r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some)-)+", "",
                         slug(target))[:40].strip("-")
    sid = "-".join(p for p in (prefix, "sanctions", target_slug) if p)
    return ctx.propose("sanctions", {"id": sid, "name": f"Sanctions on {target}", "aliases": []})
