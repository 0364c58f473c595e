"""Rules about how a release came about: when it happened, after how many days of talks, who pardoned the
prisoners and who negotiated their freedom.

A release's day is read beside its word of freeing, or further on in a sentence about the article's release;
the day a pardon decree was signed dates the release as on or after it; the day a freeing was said on bounds a
release the page dates nowhere else. The release is the one the clause
speaks of (see subjects.clause_release).
"""

from __future__ import annotations

import dataclasses
import re

from ...ingest.figures import DateMention
from ...values import parse_date
from .context import ACT_TO_FREE, SET_APART, TO_BE_DONE, Context, Sentence, rule
from .people import persons
from .places import country_of
from .releases import ADJECTIVES, PEOPLE, _count, _free  # importing registers the counts' rules before these
from .subjects import (DECREE_AFTER, LATER, STILL_TO_COME, WEEKDAY, clause_release, date_note, days_further_on, decree_of,
                       found_between, freeings_outside_totals, later_than_before, other_year, pardon_ahead, release_date,
                       reported)


@rule("release-date")
def release_dates(ctx: Context, sentence: Sentence) -> None:
    """When a release happened: a day or month written in the clause of a word of freeing (the nearer one, where two
    share a sentence: "a decree pardoning 12, who were freed on November 27"; none for a freeing to come); or a day the
    sentence names further on ("freed 52 prisoners, including A, on Thursday"), when the sentence is
    about the article's release and the day falls within what is known of its date. The day a freeing was said on
    ("officials said on Thursday") is kept, to bound a release the page dates nowhere (`said_days`)."""
    freeing = freeings_outside_totals(sentence)  # a running total's dates are earlier releases'
    for n, match in enumerate(freeing):
        offset = sentence.start + match.start()
        if TO_BE_DONE.search(sentence.text, max(0, match.start() - 20), match.start()) or \
                NEGATED.search(sentence.text, max(0, match.start() - 40), match.start()):
            continue  # "are expected to be released, the ministry said on November 7", "X was not among those freed":
            # no day of a freeing
        date = release_date(ctx, sentence, offset) or _day_further_on(ctx, sentence, offset) or \
            _year_of_other(ctx, sentence, offset)
        reported_day = None if date is not None else _reported_day(ctx, sentence, offset)
        if date is None and reported_day is None:
            _note_said_day(ctx, sentence, offset)
            _later_day(ctx, sentence, offset, match)
            _decree_day(ctx, sentence, offset)
        date = date or reported_day
        if date is not None and any(offset < sentence.start + later.start() < date.start for later in freeing[n + 1:]):
            continue  # "a decree pardoning 12 prisoners, who were freed on November 27": the day of the nearer freeing
        if date is None or not ctx.take(date):
            continue
        release = clause_release(ctx, sentence, offset)
        if release:
            # (the freeing's own word too: "issued a pardon")
            between = ctx.text[max(sentence.start, min(date.start, offset) - 30):
                               max(date.start, sentence.start + match.end())]
            signed = re.match(r"pardon|amnest", match.group(0), re.IGNORECASE) and \
                (DECREE.search(between) or PARDON_TO_FREE.match(ctx.text, sentence.start + match.end(), sentence.end)) or \
                ACT_TO_FREE.search(ctx.text, max(sentence.start, offset - 90), offset) or \
                pardon_ahead(ctx, sentence, offset, date)  # "an amnesty on Friday to free 300", a pardon the day before
            qualifier = "by" if reported_day or (not signed and _told_on(ctx, sentence, offset, date)) else \
                "on_or_after" if signed else None
            ctx.add("date", "date", date.value, min(offset, date.start), max(date.end, sentence.start + match.end()),
                    subject=release, note=date_note(ctx, date), **({"qualifier": qualifier} if qualifier else {}))


def _decree_day(ctx: Context, sentence: Sentence, offset: int) -> None:
    """"set free under an August 3 amnesty": the decree's day, on or after which the freeing came."""
    decree = next((d for d in sentence.dates_within(offset, min(sentence.end, offset + 40))
                   if d.value and not ctx.taken(d) and decree_of(ctx, d)), None)
    release = clause_release(ctx, sentence, offset) if decree is not None else None
    if release and ctx.take(decree):
        ctx.add("date", "date", decree.value, offset, DECREE_AFTER.match(ctx.text, decree.end).end(), subject=release,
                qualifier="on_or_after", note=date_note(ctx, decree))


def _later_day(ctx: Context, sentence: Sentence, offset: int, match) -> None:
    """"freed 14 on 10 November ... The following day, another 9 were freed": the day some days after a day written
    before, when a freeing without a date of its own is dated by it (subjects.later_than_before), read from the words of
    the time after (`relative-date`)."""
    if not FREED_VERB.match(match.group(0)):
        return  # a freeing done, not the noun of one
    later = later_than_before(ctx, sentence, offset)
    release = clause_release(ctx, sentence, offset) if later is not None and len(later[0]) == 10 else None
    if release is None:
        return  # (nor a freeing of no release: the other side's, or one "in a separate deal")
    value, at = later
    words = LATER.match(ctx.text, at)
    ctx.add("date", "date", value, min(at, offset), max(words.end(), sentence.start + match.end()), subject=release,
            review="relative-date")


SAYING = r"(?:confirm(?:s|ed)?|announc(?:es|ed)|report(?:s|ed)?|disclos(?:es|ed)|reveal(?:s|ed)?)"
TOLD_BEFORE = re.compile(rf"\b{SAYING}\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
"""Right before a day that comes before the freeing it dates, the saying's verb: "disclosed on April 9 the release"."""
TOLD_BETWEEN = re.compile(rf"(?:\s*,)?\s+(?:{SAYING}\s+)?(?:the\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
"""Between a day and the freeing it comes before: the saying's verb, if it follows the day ("A notice published on
October 2, 2023, announced the release"), and the freeing's article and adjective ("the safe release")."""
TOLD_AFTER = re.compile(r"(?:\b(?:to|told)\s+(?:the\s+)?(?:reporters|journalists|press|media)|"
                        r"[”\"][^“”\"]*?\b(?:said|says|told\s+[\w\s]{1,30}?|stated|added|wrote)|"
                        r"\((?:[A-Z][\w.&’'-]*\s*){1,5},)\s+(?:on\s+|late\s+|early\s+)?$")
"""Between a freeing and a day after it, words that make the day the telling's: "confirmed the release of three to
reporters on Wednesday", '"... the safe release of three," the spokeswoman told reporters on February 12', and a
citation's brackets ("(Test News, Dec. 13, 2025)")."""


def _told_on(ctx: Context, sentence: Sentence, offset: int, date: DateMention) -> bool:
    """True when the day dating a freeing is the day it was told on, not done on: a saying's verb before the day, which
    comes before the freeing it tells of ("revealed on April 9 the release of six"); the saying right after the
    day, in its subject ("A notice published on October 2 announced the release"); or the telling after the freeing
    (`TOLD_AFTER`)."""
    if date.end <= offset:
        if not re.fullmatch(TOLD_BETWEEN, ctx.text[date.end:offset]):
            return False
        return bool(TOLD_BEFORE.search(ctx.text, max(sentence.start, date.start - 30), date.start) or
                    re.match(rf"(?:\s*,)?\s+{SAYING}\b", ctx.text[date.end:offset], re.IGNORECASE))
    return bool(TOLD_AFTER.search(ctx.text, offset, date.start))


def _reported_day(ctx: Context, sentence: Sentence, offset: int) -> DateMention | None:
    """"Belarus has freed five prisoners, rights groups confirmed on October 14": in a sentence about the article's
    release that no date of the page dates yet, the day the freeing was reported bounds it (`by`)."""
    if ctx.release is None or clause_release(ctx, sentence, offset) != ctx.release or \
            any(d.property == "date" and d.subject == ctx.release for d in ctx.drafts) or \
            found_between(ctx, sentence, STILL_TO_COME, offset, sentence.end):
        return None  # "revealed Tuesday that it was freeing 25 detainees next week": nothing done by Tuesday
    return next((d for d in sentence.dates if abs(d.start - offset) < 160 and d.value and len(d.value) == 10 and
                 not ctx.taken(d) and reported(ctx, d, offset, sentence.start)), None)


FREED_VERB = re.compile(r"(?:freed|released|pardoned|set\s+free)\b", re.IGNORECASE)
"""A freeing told as done ("has freed", "were released"), not the noun of one ("talks on the release of ...")."""
NEGATED = re.compile(r"\b(?:not|never)\s+(?:[\w’'-]+\s+){0,2}$|\b(?:no\s+(?:one|more|other)|none|nobody)\b[^,.;]{0,30}$",
                     re.IGNORECASE)
"""A freeing denied: "X was not among those freed", "No more prisoners have been freed since"."""
TRAILING_SAYING = re.compile(r"[^;:“”\"]{1,160},\s+(?!(?:who|whose|which|that|after|before|weeks|days|months|when|while|"
                             r"as|since)\b)(?:[\w.’'-]+\s+){1,6}?(?:said|says|told\s+[\w\s]{1,30}?|stated|reported|"
                             r"announced|confirmed)\s+(?:on\s+|late\s+|early\s+)?", re.IGNORECASE)
"""From a freeing to the day it was said on, a saying that closes the sentence's main clause ("freed nine prisoners,
the ministry said on Thursday"); not a clause about someone else ("..., whose wife said on 12 October that"), nor an
earlier saying ("..., weeks after X said on 2 November")."""


def _note_said_day(ctx: Context, sentence: Sentence, offset: int) -> None:
    """"Belarus has freed nine prisoners, the ministry said on Thursday": the day it was said, kept for the article's
    release until the page is read (`said_days`); a day the page gives the freeing itself, anywhere, comes first."""
    if ctx.release is None or ctx.release in ctx.said_days or clause_release(ctx, sentence, offset) != ctx.release or \
            not FREED_VERB.match(ctx.text, offset) or NEGATED.search(ctx.text, max(sentence.start, offset - 40), offset):
        return
    for date in sentence.dates:
        if 0 < date.start - offset < 160 and date.value and len(date.value) == 10 and not ctx.taken(date) and \
                TRAILING_SAYING.fullmatch(ctx.text, offset, date.start):
            ctx.said_days[ctx.release] = (date, offset, date.end)
            return


def pardons_before_freeings(ctx: Context) -> None:
    """After the page is read: a release the page dates only by a pardon or decree ("signed a decree on Monday to
    release 37 prisoners") is the release freed up to a week later ("They were freed on Thursday"): its drafts move
    there."""
    dated: dict[str, list] = {}
    for draft in (d for d in ctx.drafts if d.property == "date" and isinstance(d.value, str) and len(d.value) == 10):
        dated.setdefault(draft.subject, []).append(draft)
    for release, dates in dated.items():
        if release not in ctx.proposals.get("releases", {}) or any(d.qualifier != "on_or_after" for d in dates):
            continue
        pardoned = parse_date(dates[0].value).start
        counts = {}
        for d in (d for d in ctx.drafts if d.property == "released_count" and d.population is None):
            # a range ("between 20 and 25") is a list: a pair here, since a set holds no list
            counts.setdefault(d.subject, set()).add(tuple(d.value) if isinstance(d.value, list) else d.value)
        mine = counts.get(release, set())
        # the nearest release freed within the week, one with the decree's own total first
        later = sorted((not (mine & counts.get(other, set())), (parse_date(d.value).start - pardoned).days, other)
                       for other, ds in dated.items() if other != release for d in ds if d.qualifier == "exact")
        freed = next((other for _, gap, other in later if 0 < gap <= 7), None)
        if freed is None:
            continue
        for n, draft in enumerate(ctx.drafts):
            if release in (draft.subject, draft.value):
                ctx.drafts[n] = dataclasses.replace(
                    draft, subject=freed if draft.subject == release else draft.subject,
                    value=freed if draft.value == release else draft.value,
                    review="" if draft.review == "other-release" and freed == ctx.release else draft.review)


def said_days(ctx: Context) -> None:
    """After the page is read: a release the page gives no day of its own happened by the day its freeing was said on
    (`by`)."""
    for release, (date, start, end) in ctx.said_days.items():
        if not any(d.property == "date" and d.subject == release for d in ctx.drafts) and ctx.take(date):
            ctx.add("date", "date", date.value, start, end, subject=release, qualifier="by", note=date_note(ctx, date))


PARDON_TO_FREE = re.compile(r"\s+(?:on\s+\w+\s+|(?:\w+\s+){0,2})?to\s+(?:release|free)\b", re.IGNORECASE)
"""A pardon announced to free people ("announced a presidential pardon on Friday to release 200"): its day is the
pardon's, and they are freed on or after it."""


# "signed a decree on May 2 pardoning", "a pardon, which he issued in a decree signed on May 2": the day of the decree,
# not of the prisons' opening; the release is on or after it
DECREE = re.compile(r"\b(?:signed|decrees?|orders?)\b|"
                    r"\bissued\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:pardons?|decrees?|amnest(?:y|ies)|orders?)\b|"
                    r"\b(?:pardons?|decrees?|amnest(?:y|ies))\b[^.;]{0,40}?\b(?:was|were)\s+issued\b", re.IGNORECASE)


def _year_of_other(ctx: Context, sentence: Sentence, offset: int) -> DateMention | None:
    """"An amnesty in 2024 freed 1,584 prisoners": the year that makes the freeing another release dates it."""
    start, end = sentence.clause(offset)
    year = other_year(ctx, sentence, start, end)
    return next((d for d in sentence.dates if d.value == year and not ctx.taken(d)), None) if year else None


def _day_further_on(ctx: Context, sentence: Sentence, offset: int):
    if ctx.release is None or clause_release(ctx, sentence, offset) != ctx.release or \
            any(d.property == "date" and d.subject == ctx.release for d in ctx.drafts):
        return None
    known = ctx.release_dates.get(ctx.release)
    proposed = ctx.release in ctx.proposals.get("releases", {})  # dated by this page's own text, not the project
    if known is not None and known.precision == "day" and not proposed and not any(d.relative for d in sentence.dates):
        # an undated page's "on Friday": the release's known day, when that day is a Friday
        for match in WEEKDAY.finditer(ctx.text, max(sentence.start, offset - 30), min(sentence.end, offset + 130)):
            said = re.search(r"\b(?:said|says|told|announced|reported|confirmed|wrote|added)\s+(?:\w+\s+){0,2}$",
                             ctx.text[max(sentence.start, match.start() - 40):match.start()])
            if not said and known.start.strftime("%A") == match.group("day"):
                return DateMention(match.group(0), match.start(), match.end(), known.text, False, relative=True)
    return next((d for d in days_further_on(ctx, sentence, offset) if known is None or known.agrees(parse_date(d.value))),
                None)


@rule("negotiation-days")
def talks(ctx: Context, sentence: Sentence) -> None:
    """Length of talks: "after two days of talks"."""
    for figure in _free(ctx, sentence):
        match = re.match(r"\s+days?\s+of\s+(?:talks|negotiations)", ctx.text[figure.end:sentence.end])
        if match:
            _count(ctx, "negotiation_days", figure, figure.start, figure.end + match.end(),
                   clause_release(ctx, sentence, figure.start))


PARDON_NOUN = r"(?:(?:a|the|an)\s+)?(?:special\s+)?(?:presidential\s+|royal\s+)?(?:pardons?|amnesty|clemency)"
PARDONED_NEXT = (r"(?=\s+(?:\d|(?:a\s+total\s+of|some|more\s+than|over|nearly|about|almost|all)\s|"
                 r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b|"
                 r"(?-i:[A-Z])))")
"""After "ordered a pardon for" or "decreed a pardon for", whom: a count or a name (not "the guards who beat X")."""
PARDONING = re.compile(rf"\b(?:pardon(?:ed|s)|(?:signed|issued)\s+(?:an?\s+|the\s+)?(?:royal\s+|presidential\s+)?"
                       rf"(?:decrees?|orders?)\s+(?:on\s+|to\s+)?(?:pardon(?:ing)?|granting\s+{PARDON_NOUN})|"
                       rf"signed\s+(?:an?\s+|the\s+)?pardon\s+(?:order|decree)s?|"
                       rf"(?:granted|granting|issued|gave|(?P<announced>announced))\s+{PARDON_NOUN}(?:\s+to)?|"
                       # "ordered the pardon and release of 40", "decreed a pardon for 40 detainees" (not "ordered an
                       # amnesty commission", "ordered the pardon of X revoked", "decreed a pardon for the guards")
                       rf"(?P<ordered>ordered\s+(?:the\s+pardon\s+and\s+(?:the\s+)?release\s+of|(?:an?\s+|the\s+)?pardons?\s+"
                       rf"for{PARDONED_NEXT})|decreed\s+{PARDON_NOUN}\s+for{PARDONED_NEXT}))\b")
"""A pardon done, by its verb or by its noun: "pardoned 40", "signed an order granting amnesty to", "granted royal
pardons to 22 monks", "issued a royal pardon to", "granting clemency to", "ordered the pardon and release of", "decreed a
pardon for", and "announced a presidential pardon"
by whoever holds no office below the one who pardons (a spokesperson, secretary or minister who "announced the
pardons" announces what another signed)."""
SPOKESPEOPLE = re.compile(r"\b(?:spokes\w+|secretary|minister|official|envoy|ambassador|aide|adviser|advisor|"
                          r"representative|press\s+service|office)\b", re.IGNORECASE)
OWN_OFFICE_SAID = re.compile(r"[’']s?\s+(?:press\s+(?:service|office|secretary)|office|spokes(?:man|woman|person)|"
                             r"administration)\s+(?:said|says|announced|reported)\s+"
                             r"(?:in\s+a\s+statement\s+|(?:late\s+|early\s+)?(?:on\s+)?[A-Z][a-z]+day\s+)*"
                             r"(?:that\s+)?(?:(?P<pronoun>he|she)|the\s+(?P<title>leader|president|ruler|king|emir|"
                             r"head\s+of\s+state)|(?P<passive>(?:the\s+(?:\w+\s+)?(?:detainees|prisoners|inmates|convicts|"
                             r"people)|they)\s+(?:were|had\s+been|have\s+been)))\s+(?:(?:has|had)\s+)?(?:also\s+)?")
"""Between a leader's name and a pardon, the leader's own office telling of it: "X's press office said that the leader
has pardoned", "X's administration announced on Sunday that she had pardoned", "X's office announced that the inmates
had been pardoned"."""
HEAD_OF_STATE = re.compile(r"\b(?:president|king|emir|ruler|monarch|sultan|prime\s+minister|head\s+of\s+state|leader)\b",
                           re.IGNORECASE)
NOT_IN_POWER = re.compile(r"\b(?:opposition|exiled|rights|former|ex-|activist|lawyer|candidate)\b", re.IGNORECASE)


def _own_office_said(ctx: Context, person, verb: int) -> bool:
    """True when the person's own office says that the person pardoned (`OWN_OFFICE_SAID`): one the page calls a head of
    state or government ("President X's press office said that the leader has pardoned"), or, with no title, told of
    as "he" or "she" ("X's office said he had pardoned"); not an opposition leader's or a rights group chief's office
    telling of "the president" ("Opposition leader X's spokeswoman said the president had pardoned 30": the
    president pardoned)."""
    said = OWN_OFFICE_SAID.fullmatch(ctx.text, person.end, verb)
    if not said:
        return False
    role = person.role or ""
    if NOT_IN_POWER.search(role):
        return False
    if said.group("title"):
        return bool(HEAD_OF_STATE.search(role))
    return not role or bool(HEAD_OF_STATE.search(role))
BY_DOING = (r"(?:(?!(?:by|said|says|told|urged|accused|claimed|trying|tried|wants?|hop\w*|plans?|planned)\b)[\w’'-]+\s+)"
            r"{1,8}?by\s+")
"""What stands between a doer and "granting" in "X made a surprising move on May 7 by granting clemency": a verb phrase
without a comma, then "by" (the doer of the gerund is the sentence's subject); never words of speech or intent ("X
said the regime was trying to ease sanctions by granting clemency": the regime's, if anyone's)."""


@rule("pardoned-by")
def pardons(ctx: Context, sentence: Sentence) -> None:
    """Who pardoned: "President X had pardoned 40 prisoners", "X also pardoned them", "X issued a decree pardoning
    12", "pardoned by X"."""
    for match in PARDONING.finditer(sentence.text):
        verb = sentence.start + match.start()
        gap = BY_DOING if match.group(0).lower().startswith("granting") else ""
        # "X on Tuesday pardoned", "X, Belarus's head of state, signed a decree to pardon" (a description between)
        before_verb = verb
        near = max(sentence.start, verb - ASIDE_REACH)  # (a window: a sentence of many pardons is read once per pardon)
        aside = ON_BEHALF_ASIDE.search(ctx.text, near, verb) or DASH_ASIDE.search(ctx.text, near, verb)
        if aside:  # "X, at the express request of bishop Y, pardoned": X, who pardoned; Y asked; "X -- in power since
            # 1994 -- pardoned": what is said of X between dashes
            before_verb = aside.start()
        actor = next((p for p in reversed(persons(ctx, sentence)) if p.end <= before_verb and
                      re.fullmatch(r",?\s+(?:(?:has|had|have)\s+)?(?:(?:also|earlier|later|yesterday|today|\w+ly|"
                                   rf"on\s+[A-Z]\w+|last\s+\w+)\s+)?{gap}",
                                   ctx.text[_after_description(ctx, sentence, p, before_verb):before_verb] +
                                   (" " if aside else ""))), None)
        if actor is None:  # "President X's press office said that the leader has pardoned": X's own office tells of X
            actor = next((p for p in reversed(persons(ctx, sentence)) if p.end <= verb and _own_office_said(ctx, p, verb)),
                         None)
        if match.group("announced") and actor and SPOKESPEOPLE.search(f"{actor.role or ''} {actor.text}"):
            continue  # "press secretary X announced the pardons": who announced, not who pardoned
        by = re.match(r"(?:\s+(?:at\s+one\s+time|at\s+once|so\s+far|this\s+year|in\s+(?:one|a\s+single)\s+\w+))?\s+by\s+",
                      ctx.text[sentence.start + match.end():sentence.end])  # "pardoned at one time by X"
        if by:
            actor = next((p for p in persons(ctx, sentence) if p.start - (sentence.start + match.end() + by.end()) in
                          range(0, 30)), actor)
        release = clause_release(ctx, sentence, verb)
        if match.group("ordered") and re.match(r"[^.;,]*?\b(?:(?:next|later\s+this)\s+(?:week|month|year)|in\s+the\s+coming\s+"
                                                r"(?:days|weeks|months)|by\s+the\s+end\s+of|soon)\b",
                                                ctx.text[sentence.start + match.end():sentence.end]):
            continue  # "ordered the pardon and release of 300 more prisoners next month": a pardon to come
        if actor and release:
            ctx.add("pardoned_by", "entity", ctx.note_person(actor), actor.role_start or actor.start,
                    max(actor.end, sentence.start + match.end()) + _object(ctx, sentence, sentence.start + match.end()),
                    subject=release)
    _pardon_from(ctx, sentence)


ON_BEHALF_ASIDE = re.compile(r",\s+(?:acting\s+)?(?:at|on|following)\s+(?:the\s+)?(?:\w+\s+)?(?:request|requests|behest|"
                             r"appeal|plea|urging|invitation)\s+of\s+[^;.]{1,90}?,\s+(?:(?:has|had|have)\s+)?$",
                             re.IGNORECASE)
"""Right before a pardon's verb, an aside naming who asked for it: "X, at the express request of bishop Y,
pardoned"."""
ASIDE_REACH = 200
"""How far before a pardon's verb an aside is looked for (each aside pattern reaches less than this)."""
DASH_ASIDE = re.compile(r"\s*(?:--|[–—])\s*(?!\s)(?!(?:(?:and|but)(?!\s+not\b)|or(?!\s+not\b)|in\s+fact|rather|"
                        r"actually|that\s+is|no|acting|on\s+behalf)\b)[^–—;.]{1,80}?\s*(?:--|[–—])\s*"
                        r"(?:(?:has|had|have)\s+)?$", re.IGNORECASE)
"""Right before a pardon's verb, what is said of the one before it between dashes: "X -- in power since 1994 --
pardoned", "X — not Y — pardoned"; not a correction, "X — or rather his deputy Y —", nor a clause going on, "X met Y
— and a week later — pardoned"."""
PARDON_FROM = re.compile(r"\b(?:under|(?:based\s+)?on|thanks\s+to|following|through|with)\s+(?:a|an|the)\s+"
                         r"(?:royal\s+|presidential\s+)?(?:pardon|amnesty|clemency)\s+(?:(?:granted|issued|decreed)\s+)?"
                         r"(?:by|from)\s+$", re.IGNORECASE)
"""Right before a name, the pardon a freeing was done under, and whose it was: "freed under a pardon from President X",
"based on the amnesty granted by X" (not "sought a pardon from X": asked, not granted)."""


def _pardon_from(ctx: Context, sentence: Sentence) -> None:
    """"Poland freed 40 prisoners under a pardon from President X": X pardoned the release of the freeing done under it,
    in the same clause (not "hopes to be freed under", "will be freed under", "freed on Friday, not under a pardon
    from X"; and the release of "who was freed in 2015 under a pardon from X" is 2015's)."""
    for person in persons(ctx, sentence):
        at = person.role_start or person.start
        lead = PARDON_FROM.search(ctx.text, max(sentence.start, at - 80), at)
        if lead is None:
            continue
        clause_start = sentence.clause(lead.start())[0]
        done = [m for m in sentence.freeing() if clause_start <= sentence.start + m.start() < lead.start()]
        if not done:
            continue
        verb = sentence.start + done[-1].start()
        if UNDONE_BEFORE.search(ctx.text, max(sentence.start, verb - 40), verb) or \
                re.search(r"\b(?:not|never|rather\s+than|instead\s+of|first|earlier|previously|once|ago|before|last\s+"
                          r"(?:year|month|week))\b", ctx.text[max(sentence.start, verb - 20):lead.start()]) or \
                any(d.value and ctx.off_release(d.value) for d in sentence.dates_within(verb, lead.start())):
            continue  # (and "who was freed in 2015 under a pardon from X": another release's, which this page may not name)
        release = clause_release(ctx, sentence, verb)
        if release:
            ctx.add("pardoned_by", "entity", ctx.note_person(person), verb, person.end, subject=release)


UNDONE_BEFORE = re.compile(r"\b(?:(?:will|would|could|may|might|should|must|shall|can|cannot|not|never|n[’']t)\s+(?:\w+\s+)?|"
                           r"(?:hop\w*|want\w*|expect\w*|plan\w*|seek\w*|sought)\s+(?:\w+\s+){0,2})$", re.IGNORECASE)
"""Right before a freeing, words that leave it undone or to come: "hopes to be freed", "will be released" (not "the
first prisoner to be freed on Friday": done)."""


def _after_description(ctx: Context, sentence: Sentence, person, verb: int) -> int:
    """Where the words after a name resume past its description set off by commas ("X, Belarus's head of state, has
    signed"; "X, the long-serving ruler of Belarus, has"): a description that says nothing of its own (no
    "who", "whose", nor a verb of saying) and is no opposition's."""
    of_place = OF_PLACE.match(ctx.text, person.end, verb)
    if of_place and any(n.end == of_place.end() and ctx.registry_place_kind(n.entity) == "country"
                        for n in sentence.names_within(of_place.start("place"), of_place.start("place") + 1)):
        return of_place.end()  # "President X of Lithuania has pardoned 90" (a country, not "X of Warsaw")
    described = re.match(r",\s+(?!(?:who|whose|which|said|says|told)\b)[^,;:()“”\"]{3,80},", ctx.text[person.end:verb])
    if described is None or re.search(r"\b(?:said|says|told|who|whose|opposition)\b", described.group(0)):
        return person.end
    return person.end + described.end() - 1


OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?=[\s,])")
"""After a leader's name, the country they lead: "President X of Belarus"."""


def _object(ctx: Context, sentence: Sentence, offset: int) -> int:
    match = re.match(rf"\s+(?:\w+\s+){{0,2}}?\d[\d,]*\s+{ADJECTIVES}{PEOPLE}", ctx.text[offset:sentence.end], re.I)
    return match.end() if match else 0


ENVOY = r"(?:envoy|mediator|negotiator|special\s+representative)"
"""Who is sent to negotiate: "U.S. envoy X", "the president's special representative, X"."""
SENT_BY_A_LEADER = re.compile(r",\s+(?:a|an|the)\s+(?:personal\s+|special\s+)?(?:representative|emissary)\s+(?:of|for)\s+"
                              r"(?:the\s+)?(?P<whose>(?:[A-Z][\w.]*\s+){1,2})(?:President|Prime\s+Minister)\b")
"""After a name, one sent by a country's head of government: "X, a representative of US President Y", "X, an emissary
of French President Y"."""
MET_WITH = re.compile(r"\b(?:(?:met|meeting)\s+(?:(?:in|at)\s+[A-Z][\w-]*\s+)?(?:with\s+)?|talks\s+with\s+)$", re.IGNORECASE)
"""Before a name, a meeting with the person: "met in Minsk with X", "talks with X"."""


def _leader_country(ctx: Context, words: str) -> str | None:
    """The country whose leader sent an envoy, by the words before the office ("US", "French", "the Lithuanian")."""
    for word in reversed(words.split()):
        country = country_of(ctx, word.rstrip("."))
        if country:
            return country
    return None


DEAL = re.compile(r"\b(?:deal|brokered|negotiat\w*|mediat\w*|releas\w*|free[ds]?|freeing|talks|secured|"
                  r"lifting|arrangement|agreement|announce\w*)\b", re.IGNORECASE)
"""The words of a deal or a freeing, in a sentence that may name the release's envoy."""
MEETING = re.compile(r"\b(?:pardon\w*|met|meeting|visit\w*)\b", re.IGNORECASE)
"""A pardon, meeting or visit: it names the release's envoy only when it happens here and now (`_meeting_here`)."""
COMMENTATOR = re.compile(r"\b(?:UN\b|U\.N\.(?!\w)|United\s+Nations\b|rapporteur\b|human\s+rights\b)", re.IGNORECASE)
"""An envoy who reports on a country rather than negotiates with it: "the UN special representative on Belarus"."""


def _meeting_here(ctx: Context, sentence: Sentence) -> bool:
    """True when a meeting, visit or pardon the sentence tells of is in the freeing country (a place of it named in the
    sentence), at no other time than the page's release, and not set apart ("Separately, ...")."""
    if SET_APART.match(sentence.text) or ctx.country is None:
        return False
    here = any(n.entity and ctx.registry.kind(n.entity) == "place" and ctx.registry.top(n.entity) == ctx.country
               for n in sentence.names)
    return here and not _other_time(ctx, sentence)


def _other_time(ctx: Context, sentence: Sentence) -> bool:
    """True when the sentence names a day, month or year the page's release does not fall in ("last year")."""
    known = ctx.release_dates.get(ctx.release) if ctx.release else None
    return any(d.value and ctx.off_release(d.value) and (not d.relative or known is not None) for d in sentence.dates) or \
        bool(re.search(r"\blast\s+(?:year|month)\b", sentence.text))


DELEGATION_HEAD = re.compile(r"\b(?:headed|led)\s+the\s+(?:[\w.]+\s+){0,2}?delegation\b(?!\s+to\b)")
"""Who led a delegation (not "the delegation to the climate talks"): the release's envoy when it is not the freeing
side's own."""


def _own_delegation(ctx: Context, words: str) -> bool:
    """True for the freeing country's own delegation ("who headed the Belarusian delegation")."""
    adjective = re.search(r"\b([A-Z][a-z]+)\s+delegation\b", words)
    return bool(adjective and ctx.country and country_of(ctx, adjective.group(1)) == ctx.country)


RANK = re.compile(r"(?:General|Gen\.|Lt\.?\s+Gen\.|Ambassador|Admiral|Colonel|Senator|Dr\.)", re.IGNORECASE)
"""A rank or honorific written between an envoy's title and the name ("the president's envoy, General X")."""


TO_SOMEONE = (r"(?:thanked|met|praised|called|told|said|urged|asked|greeted|hugged|welcomed|critici[sz]ed|accused|blamed|"
              r"joined|embraced|phoned|wrote\s+to|spoke\s+(?:to|with))")
"""A verb of what someone did to another, opening what a comma after a name says ("X, thanked the envoy"): what follows
is that other person, not X's role."""


@rule("envoy")
def envoys(ctx: Context, sentence: Sentence) -> None:
    """Who negotiated: "U.S. envoy Daniel Mockwell", "the president's envoy to the country, Daniel
    Mockwell", "Daniel Mockwell, the U.S. special envoy, announced ...", "brokered by Daniel Mockwell"."""
    if not DEAL.search(sentence.text) and not (MEETING.search(sentence.text) and _meeting_here(ctx, sentence)) and \
            not (DELEGATION_HEAD.search(sentence.text) and not _other_time(ctx, sentence)):
        return  # "In September, U.S. envoy X visited Kyiv", "met Omani officials in Muscat": another mission
    for person in persons(ctx, sentence):
        if re.match(r"[’']s\s+[a-z]", ctx.text[person.end:person.end + 5]):
            continue  # "envoy X's deputy thanked ...": the deputy acted, not X
        role = (person.role or "").lower()
        # the words before the name, and before a rank right before it ("the president's envoy, General X")
        lead = person.role_start if person.role_start is not None and RANK.fullmatch(person.role or "") else person.start
        before = ctx.text[max(sentence.start, lead - 50):lead]
        # (not "X, 9 others after visit by US envoy": the freeing's time, and no one's description)
        after = re.match(rf",\s+(?!{TO_SOMEONE}\s)"
                         rf"(?![^,.;]{{0,45}}?(?:\bothers\b|\b(?:after|following)\b[^,.;]{{0,30}}\bvisit\b))"
                         rf"(?:[^,.;]|\.(?=\S)|(?<=[A-Z])\.){{0,45}}?\b{ENVOY}\b"
                         r"(?!(?:\s+[A-Z][\w’'.-]*)+)",  # "X, U.S. envoy Y's deputy": Y's role, not X's
                         ctx.text[person.end:sentence.end])
        # "met in Minsk with X, a representative of US President Y": sent to the meeting by another side's leader
        sent = SENT_BY_A_LEADER.match(ctx.text, person.end, sentence.end) if MET_WITH.search(before) else None
        if sent and _leader_country(ctx, sent.group("whose")) in (None, ctx.country):
            sent = None  # "a representative of Belarusian President X": the freeing side's own; or no country named
        comma_before = re.search(rf"\b(?i:{ENVOY})\b[^.;,]{{0,35}},\s*$", before)  # "U.S. Special Envoy for Moldova, X"
        # "brokered by X", "talks with a Polish delegation led by X" (not the freeing side's own delegation)
        brokered = re.search(r"\b(?:brokered|mediated|negotiated|secured|arranged|delegation\s+(?:was\s+)?(?:led|headed))"
                             r"\s+by\s+$", before)
        if brokered and _own_delegation(ctx, before):
            brokered = None
        involved = re.match(r",\s+(?:[^,.;]|\.(?=\S)|(?<=[A-Z])\.){0,80}?\bwho\s+(?:was|were|had\s+been)?\s*(?:involved\s+in|took\s+part\s+in|"
                            r"led)\s+(?:the\s+)?(?:negotiations|talks)|,\s+(?:[^,.;]|\.(?=\S)|(?<=[A-Z])\.){0,80}?\bwho\s+(?:negotiated|brokered|"
                            r"mediated|(?:headed|led)\s+(?:the\s+)?(?:[\w.]+\s+){0,2}?delegation)\b",
                            ctx.text[person.end:sentence.end])
        own_words = ctx.text[person.begin:person.end]
        titled = before[max(0, comma_before.start() - 25):] if comma_before else ""  # "The UN special representative on X, "
        if COMMENTATOR.search(f"{own_words} {after.group(0) if after else ''} {titled}"):
            continue  # "The UN special representative on Belarus, X, called the release a first step": no negotiator
        if involved and re.search(r"\b(?:not|never)\s+involved\b|\bdelegation\b", involved.group(0)) and \
                (re.search(r"\bnot\s+involved\b", ctx.text[person.end:sentence.end]) or
                 _own_delegation(ctx, involved.group(0))):
            continue  # "X, who led the Belarusian delegation": the freeing side's own; "... was not involved"
        if re.search(rf"\b{ENVOY}\b", role):
            if re.match(r"(?:ex-|former\b)", role) and not (brokered or involved):
                continue  # "former British envoy X and her husband" among the freed: a title, not this deal's envoy
            start, end = person.role_start, person.end
        elif comma_before:
            if re.search(r"\b(?:former|ex-)\s*(?:[\w.]+\s+){0,3}$", before[:comma_before.start()], re.IGNORECASE):
                continue  # "The former Special Envoy for Belarus, X, criticised the deal": a title held once
            start, end = lead - len(before) + comma_before.start(), person.end
        elif after:
            if re.search(r"\b(?:former|ex-)", after.group(0)) and not involved:
                continue  # "Jane Holt, a former British envoy, and her husband were among those freed"
            start, end = person.start, person.end + after.end()
        elif sent:
            start, end = person.start, sent.end()
        elif brokered:
            start, end = person.start - len(before) + brokered.start(), person.end
        elif involved:
            start, end = person.start, person.end + involved.end()
        else:
            continue
        release = clause_release(ctx, sentence, person.start)
        if release:
            ctx.add("envoy", "entity", ctx.note_person(person), start, end, subject=release)
        return
