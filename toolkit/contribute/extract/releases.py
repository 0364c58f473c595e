"""Rules about a release's counts: where people went, how many of a nationality, how many in all (when, after
how many days of talks, who pardoned them and who negotiated: see deals).

Each count is read from the words around its figure: "43 were handed over to Lithuania" is a
destination, "five Ukrainians" among the freed a subgroup, "Belarus freed 52 prisoners" the
total. The release is the one the clause speaks of (see subjects.clause_release).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ...ingest.figures import Figure
from .context import (ACT_TO_FREE, ADJECTIVES, BEFORE_FREED, BRIEFLY, DECIDED, EVENT_AFTER, FREE, FREEDOM_WON, FREEING,
                      GRANTED_PARDON, NONE_FREED, PEOPLE, WISH, Context, Sentence, pardon_withheld,
                      rule)  # noqa: F401 - the shapes deals reads here too
from .besides import others_beside
from .bystanders import STILL_HELD
from .names import Name, is_demonym
from . import freed  # noqa: F401 - registers who was freed right after the rules about people
from .freed import COUNTED_NOUN, EARLIER_WORDS, RELATION_OF, RELATIONS_BEFORE_COLON
from .everyone import destination_after  # registers the facts said of all the freed before the counts
from .people import IN_CUSTODY, MOVED, NOW_IN, PRONOUN, after_apposition, list_members, persons
from .places import country_at, country_of, demonym_country, group_of, nationals_of, new_place, place_after
from .subjects import IN_TOTAL_SINCE, RUNNING_TOTAL, SINCE_OPENING, STILL_TO_COME, clause_release, date_note, release_date, release_for

FREE_VERB = rf"(?:{FREE}|" r"freeing|releas(?:e|ed|es|ing)|pardon(?:ed|s|ing)?|let\s+go|set\s+free|walked\s+free|amnestied|" \
    r"grant(?:ed|ing)\s+(?:an\s+)?(?:amnesty|clemency)|grant(?:ed|s|ing)?\s+freedom|" + FREEDOM_WON + ")"
GROUP_NOUN = re.compile(r"\s+(?:of\s+(?:them|those|whom)\s+)?(?:(?:imprisoned|jailed|detained|incarcerated|convicted)\s+)?"
                        r"(?:(?P<origin>[A-Z][a-z]+)-(?=[A-Z]))?"  # a compound ("Austrian-Iranian citizens"): _noun_of
                        r"(?P<noun>(?:(?:[A-Z][a-z]+|U\.S\.|U\.K\.|US|UK)(?:\s+(?:political\s+prisoners|"
                        r"nationals|citizens?|national))?)|foreign\s+nationals|foreigners|dual\s+nationals)\b"
                        # not a faith, a war or a language named by the word ("two Greek Catholic priests", "20 Afghan war
                        # veterans", "five Kazakh-speaking activists")
                        r"(?![-–][a-z])(?!\s+(?:Catholic|Orthodox|Christian|Muslim|Jewish|Buddhist|war|wars|minority|community|"
                        r"veterans?)\b)")


WORK_TRIP = re.compile(r"\s*\bto\s+(?:cover|report\s+on|film)\b")
"""Right after where a count of people went, a reporter's purpose: "two women travelled to Minsk to cover the
protests", a journey before prison."""
BLANK_LINE = re.compile(r"\n[ \t\r\xa0]*\r?\n")
"""A blank line, also one holding spaces or written with Windows line ends."""
GROUP_NOUN_REACH = 200
"""How far after a count its group's noun is read (GROUP_NOUN spans far less)."""
PARAGRAPH_REACH = 3000
"""How far a paragraph is read for the end of a sentence, after a count a heading line closes with."""


def group_noun(ctx: Context, offset: int, heading: bool = False) -> re.Match | None:
    """GROUP_NOUN right after a count at `offset`, in its paragraph: across a line a page wrapped ("freed 31\nUkrainians
    and 5 Poles") to a nationality's word or a group's noun, never across a blank line, nor across a line break to a
    country's bare name ("Minsk Frees 31\nBelarus has pardoned ...": a headline's count, then the story), nor out of a
    `heading` whose paragraph does not end as a sentence does ("Belarus frees 31\nPoles among them, Warsaw says": a
    sub-headline)."""
    reach = min(len(ctx.text), offset + GROUP_NOUN_REACH)  # (read within a window: a page may hold thousands of counts)
    blank = BLANK_LINE.search(ctx.text, offset, reach)
    noun = GROUP_NOUN.match(ctx.text, offset, blank.start() if blank else reach)
    if noun and "\n" in ctx.text[offset:noun.start("noun")]:
        bare = " " not in noun.group("noun") and not noun.group("origin") and \
            re.fullmatch(r"[A-Z][a-z]+", noun.group("noun")) and not is_demonym(noun.group("noun"))
        # (a line that reads as a heading is wrapped prose when its paragraph ends as a sentence does)
        # (within a reach: a longer paragraph is prose)
        paragraph = BLANK_LINE.search(ctx.text, noun.end(), noun.end() + PARAGRAPH_REACH) if heading else None
        unfinished = paragraph is not None and not re.search(r"[.!?][\"”’)]?\s*$",
                                                             ctx.text[noun.end():paragraph.start()])
        if bare or unfinished:
            return None
    return noun


def _noun_of(ctx: Context, noun: re.Match) -> str:
    """The group a GROUP_NOUN match names. Of a compound nationality, the part that is not the freeing country's: the
    detainee's other one ("two Austrian-Iranian citizens" freed by Iran are Austrians, "four Iranian-Americans" are
    Americans); when neither part is the freeing country's, the last ("Ukrainian-Americans" are Americans)."""
    words = noun.group("noun")
    first = words.split()[0]
    if noun.group("origin") and ctx.country is not None and country_of(ctx, first) == ctx.country:
        return noun.group("origin") + words[len(first):]
    return words


def _count(ctx: Context, prop: str, figure: Figure, start: int, end: int, subject: str | None, share: bool = False,
           **fields) -> None:
    """Draft a count from `figure`, which no other rule may then use (unless `share`: it counts another fact too)."""
    if not subject or (ctx.taken(figure) if share else not ctx.take(figure)):
        return
    value = [figure.value, figure.upper] if figure.qualifier == "between" else figure.value
    qualifier = "exact" if figure.qualifier == "between" else figure.qualifier
    ctx.add(prop, "count", value, start, end, subject=subject, qualifier=qualifier, **fields)


def _free(ctx: Context, sentence: Sentence) -> list[Figure]:
    return [f for f in sentence.figures if not ctx.taken(f)]


BORDER = re.compile(r"\s+(?:\w+\s+){0,2}?crossed\s+(?:the\s+|into\s+)?(?P<adj>[A-Z][a-z]+)\s+border\b")
"""A crossing of a country's border: "27 detainees quietly crossed the Polish border"."""
MOVEMENT = re.compile(rf"\b(?:(?:(?:were|was|have\s+been|had\s+been|are|being|had|have)\s+)?(?:also\s+|now\s+)?(?:{MOVED}|"
                      rf"(?:chose|decided|opted|preferred|wanted|asked)\s+to\s+(?:stay|remain)|stayed|"
                      rf"left(?=\s+(?:[\w’'-]+\s+){{0,2}}?for\s)|(?:released|freed)(?=\s+into\s))\s+"
                      rf"(?:\w+\s+){{0,4}}?(?:back\s+)?(?:directly\s+)?(?:to|into|in|for)|(?P<now>{NOW_IN})|"
                      rf"(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?(?P<received>received)\s+by(?:\s+the)?)\s+", re.IGNORECASE)
"""A movement, with up to four words before its "to": "were bused over the frontier to Poland", "left Belarus for
Estonia", "were released into Poland"; where they are now ("are now in Vilnius"); a country that received them
("were received by Lithuania")."""
NOT_THE_FREED_MOVING = re.compile(r"\b(?:officials?|envoys?|diplomats?|delegation|delegates|negotiators?|"
                                  r"(?:were|was)\s+(?:arrested|detained|jailed|sentenced)|behind\s+bars)\b", re.IGNORECASE)
"""Between a count and a movement, words that make those counted no freed people going somewhere ("Two US officials
landed in Minsk", "were arrested after they landed in", "landed behind bars in")."""


def _freed_now(ctx: Context, sentence: Sentence, figure: Figure) -> bool:
    """True when a count said to be somewhere now ("Nine of the freed are currently in Poland") counts freed people: no
    words of people still held in the sentence, and no more than the page's total of the freed (if it gives one)."""
    if re.search(r"\b(?:still|remain\w*|held(?!\s+(?:(?:a|an|the)\s+(?:\w+\s+)?)?(?:talks|meetings?|negotiations?|"
                 r"discussions?|calls?|conferences?|briefings?|ceremon\w+|summits?|elections?|votes?|rall(?:y|ies)|protests?)\b)|"
                 r"behind\s+bars|detained|imprisoned|jailed)\b", sentence.text, re.IGNORECASE):
        return False
    totals = [d.value for d in ctx.drafts if d.property == "released_count" and d.population is None and
              isinstance(d.value, int)]
    return bool(totals) and figure.value <= max(totals)


FREED_AFTER_MOVING = re.compile(r"[^.;]{0,40}?\bafter\s+(?:being|having\s+been)\s+(?:freed|released|pardoned)\b")
"""After a place the freed went to, their freeing: "Three Estonians landed in Riga after being released by Belarus": the
figure counts the freed as well (the counts' rules may draft it too)."""
SENT_OF = re.compile(rf"\b{MOVED}\s+$", re.IGNORECASE)
"""An active movement before its count: "sent 31 of them to Lithuania"."""


TIME_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b"
"""A unit of time, after a figure that is no count of people ("three years", "48 hours earlier")."""
SPAN_OF_TIME = re.compile(rf"[\s-]+(?:(?:more|long|full|whole)\s+)?{TIME_UNIT}", re.IGNORECASE)
"""After a figure, a unit of time: "for three years", "a 15-year term" count no one."""


BODY = r"[\w’'-]+(?:\s+[\w’'-]+){0,3}?"
BODIES = rf"(?:the\s+)?{BODY}(?:,\s+{BODY})*,?\s+and\s+{BODY}"
"""A list of the bodies people counted belong to: "Four employees of Norbury Live, Lakeside Radio and Delta Media have
been released"."""


@rule("destination-count")
def destinations(ctx: Context, sentence: Sentence) -> None:
    """Where people went: "43 were handed over to Lithuania", "Poland receives 40 civilians", "sent 31 of them to
    Lithuania", "Six of the freed detainees left Belarus for Poland", "released into Lithuania", "reported
    receiving 20 prisoners",
    "30 of the released prisoners had arrived in that country"; and within such a sentence, the
    subgroups that went there ("six of them Estonians", "plus over 20 political prisoners")."""
    scoped: list[tuple[Figure, Name]] = []
    for figure in _free(ctx, sentence):
        if SPAN_OF_TIME.match(ctx.text, figure.end):
            continue  # "X, imprisoned for four years, is back in Estonia": a span of time, not four people
        window = ctx.text[figure.end:min(sentence.end, figure.end + 140)]
        nxt = next((f.start - figure.end for f in sentence.figures if f.start > figure.start), len(window))
        for gap in MOVEMENT.finditer(window[:nxt]):
            if gap.start() > 90 or re.search(r"\b(?:remain|still|behind\s+bars)\b", window[:gap.start()]):
                break
            if re.search(r"\ball\s+(?:of\s+)?(?:those|them|the)\b", window[:gap.start()], re.IGNORECASE):
                break  # "three Estonians, and all of those freed were handed over to Poland": everyone's (all-moved)
            if re.search(r";|\b(?:most|many|some|several|half|part|the\s+rest)(?:\s+of\s+(?:them|whom|those))?\s+$",
                         window[:gap.start()], re.IGNORECASE):
                break  # "frees 18 prisoners; most sent to Ukraine": another number of them went
            if NOT_THE_FREED_MOVING.search(window[:gap.end()]):
                break  # "Two US officials landed in Minsk", "were arrested after they landed in", "landed behind bars in"
            if gap.group("now") and not _freed_now(ctx, sentence, figure):
                break  # "Some 1,150 political prisoners are currently in Belarus": not the freed
            place = place_after(ctx, sentence, figure.end + gap.end()) or \
                country_at(ctx, sentence, figure.end + gap.end()) or _side_of(ctx, sentence, figure.end + gap.end()) or \
                new_place(ctx, sentence, figure.end + gap.end())
            if place and gap.group("now") and IN_CUSTODY.match(ctx.text, place.end, sentence.end):
                break  # "Eleven of the freed were in Minsk's Okrestina jail": where they were held
            if place and WORK_TRIP.match(ctx.text, place.end, min(sentence.end, place.end + 30)):
                break  # "The two women travelled to Minsk to cover the protests": a reporters' journey before prison
            if place and gap.group("received") and ctx.country and ctx.registry.top(place.entity) == ctx.country:
                continue  # "received by Belarusian border guards and then driven to Lithuania": the releasing side's
            if place and ctx.kind(place) == "place":
                part = next((p for p in sentence.figures if p.end <= figure.start and not ctx.taken(p) and
                             OUT_OF.fullmatch(ctx.text, p.end, figure.start)), None)
                if part is not None:  # "Eight of the 15 freed detainees were sent to Poland": the eight went
                    ctx.take(figure)  # the pool is no count of its own here
                    figure = part
                scoped.append((figure, place))
                release = clause_release(ctx, sentence, figure.start)
                day = release_date(ctx, sentence, figure.start) if release else None
                if day is not None and ctx.release and not sentence.freeing() and day.start > figure.end + gap.start() \
                        and JOURNEY.search(gap.group(0)) and _days_after(ctx, ctx.release, day.value) \
                        and not ANOTHER_ROUND.search(sentence.text):
                    release = ctx.release  # "The two men landed in Warsaw on Saturday": the journey's day, not a freeing's
                    # (not "were transferred to Estonia on December 2": a handover's day is the release's)
                others = with_others_at(ctx, sentence, figure)
                if others is not None:  # "A and 41 other detainees were transferred to P": 42 went there
                    if not sentence.freeing() and release and ctx.take(figure):  # else the with-others rule's
                        ctx.add("destination_count", "count", figure.value + 1, others[0], place.end, subject=release,
                                scope=place.entity, note=f"{others[1]}: {figure.value + 1}", review="implied-count")
                    break
                _count(ctx, "destination_count", figure, figure.start, place.end, release,
                       scope=place.entity, population=_population(ctx, window[:gap.start()]),
                       share=bool(FREED_AFTER_MOVING.match(ctx.text, place.end, sentence.end)))
                _arrival_date(ctx, sentence, figure, release)
                break
    for figure in _free(ctx, sentence):  # "sent 31 of them to Lithuania", "deported 20 prisoners to Poland"
        verb = SENT_OF.search(ctx.text, max(sentence.start, figure.start - 30), figure.start)
        if verb and not (sentence.freeing() or re.match(r"\s+of\s+(?:them|those|whom)\b", ctx.text[figure.end:sentence.end])):
            continue  # "Its ally Russia recently deported 20 protesters to Ukraine": no one this page frees
        to = re.match(rf"(?:\s+of\s+(?:them|those|whom))?(?:\s+{ADJECTIVES}{PEOPLE})?\s+(?:to|into)\s+",
                      ctx.text[figure.end:sentence.end], re.IGNORECASE) if verb else None
        place = (place_after(ctx, sentence, figure.end + to.end()) or
                 country_at(ctx, sentence, figure.end + to.end())) if to else None
        if place and ctx.kind(place) == "place":
            scoped.append((figure, place))
            _count(ctx, "destination_count", figure, verb.start(), place.end,
                   clause_release(ctx, sentence, figure.start), scope=place.entity)
    for figure in _free(ctx, sentence):
        noun = re.match(rf"\s+{ADJECTIVES}{PEOPLE}", ctx.text[figure.end:sentence.end], re.IGNORECASE)
        crossing = BORDER.match(ctx.text, figure.end + (noun.end() if noun else 0), sentence.end)
        country = country_of(ctx, crossing.group("adj")) if crossing else None
        if country and ctx.registry_place_kind(country) == "country":
            scoped.append((figure, Name(crossing.group("adj"), crossing.start("adj"), crossing.end("adj"), country)))
            _count(ctx, "destination_count", figure, figure.start, crossing.end(), clause_release(ctx, sentence, figure.start),
                   scope=country)
    for figure in _free(ctx, sentence):
        # "X was handed over to Poland along with 29 other released prisoners": 30 went there
        along = re.search(r"\b(?:(?:along|together)\s+with|alongside)\s+$",
                          ctx.text[max(sentence.start, figure.start - 20):figure.start])
        other = re.match(rf"\s+others?\b|\s+other\s+{ADJECTIVES}{PEOPLE}", ctx.text[figure.end:sentence.end])
        person = next((p for p in reversed(persons(ctx, sentence)) if p.end <= figure.start), None)
        pronoun = PRONOUN.match(sentence.text) if person is None else None
        if pronoun and re.search(r"\b(?:[Hh]e|[Ss]he)$", pronoun.group(0)) and ctx.last_person is not None and \
                ctx.drafted_freed(ctx.last_person.id):
            # "He was driven to Vilnius along with 13 other prisoners": the one the page spoke of last, freed
            person = Name(pronoun.group(0).strip(), sentence.start + pronoun.start(), sentence.start + pronoun.end(),
                          ctx.last_person.entity)
        place = next((n for n in sentence.names if person and person.end < n.start < figure.start and
                      n.entity and ctx.registry.kind(n.entity) == "place"), None)
        if along and other and person and place and re.search(MOVED, ctx.text[person.end:place.start]) and \
                not JOURNEY_UNDONE.search(ctx.text, after_apposition(ctx.text, person.end, place.start),
                                          place.start) and \
                not re.match(r"\s+and\b", ctx.text[person.end:]):  # (not "He and his wife were driven": more than one)
            release = clause_release(ctx, sentence, figure.start)
            if pronoun and (release != ctx.release or ctx.taken(figure)):
                continue  # (a journey of "He" dated to another day, "She flew to Warsaw on Saturday", is no freeing's)
            if release and (pronoun or ctx.take(figure)):  # (after "He", the figure counts the freed as well)
                ctx.add("destination_count", "count", figure.value + 1, person.start, figure.end + other.end(),
                        subject=release, scope=place.entity,
                        note=f"{person.text} and {figure.value} others: {figure.value + 1}")
    for receiver in sentence.names:
        place = _country(ctx, receiver)
        verb = re.match(r"\s*(?:[^.;:,]{0,40}?\b(?:it|they|reported|confirmed|announced|said)\s+)?(?:had\s+|has\s+|have\s+)?"
                        r"receiv(?:ed|es|ing)\s+",
                        ctx.text[receiver.end:sentence.end]) if place else None
        figure = next((f for f in _free(ctx, sentence) if verb and f.start == receiver.end + verb.end()), None)
        if figure:
            noun = re.match(rf"\s+{ADJECTIVES}{PEOPLE}", ctx.text[figure.end:sentence.end])
            scoped.append((figure, Name(receiver.text, receiver.start, receiver.end, place)))
            _count(ctx, "destination_count", figure, receiver.start, figure.end + (noun.end() if noun else 0),
                   clause_release(ctx, sentence, figure.start), scope=place)
    for figure, _ in list(scoped):
        # "43 of them went to Lithuania and nine to Poland"
        for other in (f for f in _free(ctx, sentence) if f.start > figure.end):
            ellipsis = re.match(r"\s+(?:to|into)\s+", ctx.text[other.end:other.end + 8])
            joined = re.fullmatch(r"[^.;:]*?(?:,\s*|\s+)(?:and|while|with)\s+(?:another\s+|the\s+other\s+|other\s+)?",
                                  ctx.text[figure.end:other.start])
            place = (place_after(ctx, sentence, other.end + ellipsis.end()) or
                     country_at(ctx, sentence, other.end + ellipsis.end())) if ellipsis and joined else None
            if place and ctx.registry.kind(place.entity) == "place":
                scoped.append((other, place))
                _count(ctx, "destination_count", other, other.start, place.end,
                       clause_release(ctx, sentence, figure.start), scope=place.entity)
    for figure, place in scoped:
        for other in (f for f in _free(ctx, sentence) if f.start > figure.end):
            noun = group_noun(ctx, other.end)
            population = group_of(ctx, _noun_of(ctx, noun)) if noun else None
            if population:
                _count(ctx, "destination_count", other, other.start, noun.end(), clause_release(ctx, sentence, other.start),
                       scope=place.entity, population=population)


JOURNEY = re.compile(r"\b(?:landed|arrived|flew|travell?ed|returned|headed|heading|flying|reached)\b", re.IGNORECASE)
"""A journey of the freed, whose day is its own: "landed in Warsaw on Saturday"."""


ANOTHER_ROUND = re.compile(r"\b(?:earlier|previous|prior|another|last\s+(?:year|month|week)|ago)\b", re.IGNORECASE)
"""Words that put a journey in another release than the page's: "Another 14 arrived in Vilnius on October 3"."""
JOURNEY_DAYS = 7
"""How many days after the page's release a journey of its freed may end."""


def _days_after(ctx: Context, release: str, day: str | None) -> bool:
    """True when `day` falls on the page's release's day or within a week after it (a journey of its freed)."""
    known = ctx.release_dates.get(release)
    written = re.search(r"(?:19|20)\d\d-\d\d-\d\d", release)
    start = known.start if known is not None and known.precision == "day" else \
        (dt.date.fromisoformat(written.group(0)) if written else None)
    if start is None or not day or len(day) != 10:
        return False
    return 0 <= (dt.date.fromisoformat(day) - start).days <= JOURNEY_DAYS


def _arrival_date(ctx: Context, sentence: Sentence, figure: Figure, release: str | None) -> None:
    """"12 people crossed into Lithuania on Tuesday, Oct. 6, after being pardoned": the day they
    were handed over is the day of the release, when the sentence speaks of their freeing."""
    start, end = sentence.clause(figure.start)
    # a day after the count, where the movement is told ("signed a decree on May 2 pardoning 11, who were flown to
    # P": May 2 is the decree's, read with the freeing)
    # (not an event's day: "... and taken to Vilnius spoke at a Nov. 18 press conference")
    date = next((d for d in sentence.dates if figure.start <= d.start < end and d.value and len(d.value) == 10 and
                 not EVENT_AFTER.match(ctx.text, d.end)), None)
    if release and date and sentence.freeing() and ctx.take(date):
        ctx.add("date", "date", date.value, figure.start, date.end, subject=release, note=date_note(ctx, date))


def _country(ctx: Context, name: Name) -> str | None:
    """A place, or the country of an organisation (a ministry or agency receiving people)."""
    if not name.entity:
        return None
    entity = ctx.registry.get(name.entity)
    if entity.kind == "place":
        return entity.id
    return entity.country if entity.kind == "organisation" and entity.country else None


def _population(ctx: Context, words: str) -> str | None:
    """The group a count of people going somewhere is about: "six of them Estonians", "of the freed
    political prisoners", "of the freed Belarusians"."""
    noun = GROUP_NOUN.match(" " + words.strip())
    if noun:
        return group_of(ctx, _noun_of(ctx, noun))
    named = re.match(r"\s*of\s+(?:the|those)\s+(?:freed\s+|released\s+|pardoned\s+)?(political\s+prisoners|[A-Z][a-z]+s)\b",
                     words)  # "of the freed political prisoners", "of the freed Belarusians"
    return group_of(ctx, named.group(1)) if named else None


def _side_of(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """A country named by its adjective and who stands for it: "to the Lithuanian side", "to the Polish
    authorities", "to Ukrainian border guards"."""
    match = re.match(r"(?:the\s+)?(?P<adj>[A-Z][a-z]+)\s+(?:side|authorities|border\s+guards|border\s+service|"
                     r"government|officials|diplomats)\b", ctx.text[offset:sentence.end])
    known, _ = demonym_country(ctx, match.group("adj")) if match else (None, None)
    if known is None or ctx.registry_place_kind(known) != "country":
        return None
    return Name(match.group("adj"), offset + match.start("adj"), offset + match.end(), known)


GENERIC_PEOPLE = re.compile(r"(?:(?:political\s+)?prisoners|people|persons|detainees|inmates|individuals|captives|"
                            r"political\s+prisoners\s+of\s+conscience)", re.IGNORECASE)


def registry_group(ctx: Context, offset: int, end: int) -> tuple[str, int] | None:
    """The registry group whose name or alias the words right after `offset` are ("11 women", "three
    pensioners", "eight Belarusian journalists"), longest first, with where it ends; never the plain
    words for everyone freed ("prisoners", "people"), which make a total."""
    words = ctx.text[offset:min(end, offset + 80)]
    best = None
    for entity in (e for e in ctx.registry.entities.values() if e.kind == "group" and not e.root):
        for spelling in (entity.name, *entity.aliases):
            if len(spelling) < 3 or GENERIC_PEOPLE.fullmatch(spelling):
                continue
            match = re.match(rf"\s+(?:of\s+(?:them|those|whom)\s+)?(?:(?:more|other|further|additional)\s+)?"
                             rf"{re.escape(spelling)}(?![\w-])", words, re.IGNORECASE)
            if match and (best is None or match.end() > best[1] - offset):
                best = (entity.id, offset + match.end())
    return best


def _the_counted_listed(ctx: Context, sentence: Sentence, figure: Figure, country: str | None) -> None:
    """"Four Belarusian reporters were among the 23 released ...: A, B, C and D": when the list the colon opens
    names exactly as many as a count of one nationality, each of them is of it."""
    colon = ctx.text.find(":", figure.end, sentence.end)
    if country is None or colon < 0 or RELATIONS_BEFORE_COLON.search(ctx.text, figure.end, colon + 1):
        return  # "..., according to a statement by their lawyers: A and B": the lawyers
    listed = list_members(ctx, sentence, colon + 1)
    ids = {p.id for p in listed}
    if len(listed) != figure.value or any(d.property == "nationality" and d.subject in ids and d.value != country
                                          for d in ctx.drafts):
        return
    rule, ctx.current_rule = ctx.current_rule, "nationality"
    for person in listed:
        ctx.add("nationality", "entity", country, figure.start, person.end, subject=ctx.note_person(person),
                review="implied-count", note=f"one of the {figure.value} listed after their count")
    ctx.current_rule = rule


STILL_HELD_AFTER = re.compile(r"(?:\s+[\w-]+){1,3}?\s+(?:remain|are\s+still|are\s+being\s+held|are\s+held)\b")
"""After a count, the group it counts still held: "27 journalists remain behind bars", "100 activists are still held"."""
RESIDENTS = re.compile(r"\s+(?:green[- ]card\s+holders?|(?:permanent\s+|legal\s+)?residents?)\b", re.IGNORECASE)
"""After a nationality, people who only live in its country: "one American green card holder"."""


PARTS_LEAD = re.compile(rf"\b{FREE_VERB}\s+(?:on\s+[A-Z][a-z]+day\s+|today\s+|yesterday\s+)?$", re.IGNORECASE)
PARTS_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
PARTS_END = re.compile(r"\s*(?:[.;!]|$)|\s+(?:it|they|which|who)\s+(?:had|has|have)\s+(?:been\s+)?(?:holding|held|detained|"
                       r"jailed)\b|\s+on\s+[A-Z][a-z]+day\s*(?:[.;]|$)|,\s+(?:[\w’'-]+\s+){1,4}(?:said|says|reported|announced)"
                       r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s*(?:[.;]|$|,\s+[a-z]+ing\b)")
"""Around the counts of each nationality a freeing lists, what makes them all it frees: the verb right before ("released
on Monday one Latvian and three Estonian citizens"); only commas and "and" between; the sentence's end, "it had been
holding", a weekday or a speaker after, perhaps with a clause of their own ("..., the two countries said Monday,
thanking Norway for its help"; not "among 52 prisoners", "along with dozens of others")."""


def _total_of_the_parts(ctx: Context, sentence: Sentence) -> None:
    """"Belarus released one Latvian and three Estonian citizens it had been holding": counts of two or more
    nationalities that are all a freeing frees add up to its total (marked, for the arithmetic), when the sentence
    drafts no total."""
    drafted = ctx.drafts[ctx.sentence_drafts:]
    if any(d.property == "released_count" and d.population is None for d in drafted):
        return
    parts = sorted((d for d in drafted if d.property == "released_count" and d.population and d.qualifier == "exact"
                    and d.rule == "subgroup-count" and sentence.start <= d.start < sentence.end), key=lambda d: d.start)
    if len(parts) < 2 or len({d.subject for d in parts}) != 1 or \
            re.search(r"\b(?:also|too|as\s+well|additionally|other)\b", sentence.text, re.IGNORECASE) or \
            not all(_nationality(ctx, d.population) for d in parts) or \
            not PARTS_LEAD.search(ctx.text, sentence.start, parts[0].start) or \
            not all(PARTS_JOIN.fullmatch(ctx.text, a.end, b.start) for a, b in zip(parts, parts[1:])) or \
            not PARTS_END.match(ctx.text, parts[-1].end, sentence.end):
        return
    total = sum(d.value for d in parts)
    ctx.add("released_count", "count", total, parts[0].start, parts[-1].end, subject=parts[0].subject,
            review="implied-count", note=f"{SUM_NOTE}: {total}")


SUM_NOTE = "the sum of the counts of each nationality the freeing lists"


def lone_sums(drafts: list, headings: list[tuple[int, int]]) -> list:
    """The drafts, less a sum of the counts of each nationality (`_total_of_the_parts`) where the page counts others
    of the release elsewhere ("... released two Americans and three Ukrainians. Eleven Belarusians were also freed",
    "They were among 14 prisoners freed"): then the parts are not all it freed. A headline (`headings`, the spans of the
    page's headings) that counts the same parts counts no others ("Iran Frees 1 Danish, 2 Austrian Citizens")."""
    def alone(total) -> bool:
        parts = {(o.population, o.value) for o in drafts if o is not total and o.property == "released_count" and
                 o.subject == total.subject and total.start <= o.start < total.end}
        return not any(o is not total and o.property == "released_count" and o.subject == total.subject and
                       not total.start <= o.start < total.end and
                       not ((o.population, o.value) in parts and any(a <= o.start < b for a, b in headings))
                       for o in drafts)

    return [d for d in drafts if not (d.property == "released_count" and d.note.startswith(SUM_NOTE)) or alone(d)]


PARDON_COVERS = re.compile(r"\b(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Ii]ts)\s+(?:decree|pardon|amnesty)\s+(?:(?!not\b|never\b)\w+\s+)?"
                           r"(?:affect(?:s|ed)?|cover(?:s|ed)?|concern(?:s|ed)?|appl(?:ies|ied)\s+to)\s")
"""After a sentence that frees, whom its decree reached: "the decree covers nine women and 21 men" (the page's own
decree, told as reaching them: not "The amnesty does not cover", "A 2024 amnesty covered", "The measures covered")."""


@rule("subgroup-count")
def groups(ctx: Context, sentence: Sentence) -> None:
    """How many of a nationality or group were freed: "five Ukrainians" among the freed, "One
    Canadian was released", "which included four Latvian nationals", "three imprisoned Polish nationals", "A Swiss
    citizen has also been released" and "An Estonian journalist, X, was among them" (at least one)."""
    context = sentence.freeing() or re.search(r"\b(?:among(?:st)?|including|included|of\s+those|of\s+them)\b", sentence.text, re.I) or \
        ctx.previous_freeing and (PARDON_COVERS.search(sentence.text) or
                                  re.search(r"\b(?:were|was)\s+(?:also\s+)?(?:in|part\s+of)\s+the\s+group\b", sentence.text))
    if not context:
        return
    for figure in _free(ctx, sentence):
        if with_others_at(ctx, sentence, figure) is not None:
            continue  # "X and two other Americans": X and the others (with-others)
        if STILL_HELD_AFTER.match(ctx.text, figure.end, sentence.end):
            continue  # "27 journalists remain behind bars": those still held, not a count of the freed
        if _casualties(ctx, sentence, figure):
            continue  # "a conflict which killed some 900 civilians and 73 Poles": the dead, not the freed
        named = registry_group(ctx, figure.end, sentence.end)
        if named and _held_where(ctx, sentence, figure, named[1]):
            continue
        if named and _among_the_held(ctx, sentence, figure, named[1]):
            continue  # "The pair were among some three dozen foreigners held in Minsk": those held, of whom the freed were
        if named:  # "9 women", "three people under the age of 18": a group the registry names
            _count(ctx, "released_count", figure, figure.start, named[1], clause_release(ctx, sentence, figure.start),
                   population=named[0])
            adjective = re.match(r"\s+([A-Z][a-z]+)\s", ctx.text[figure.end:named[1]])  # "Nine Belarusian journalists"
            if adjective and is_demonym(adjective.group(1)):
                _the_counted_listed(ctx, sentence, figure, country_of(ctx, adjective.group(1)))
            continue
        foreign = re.match(r"\s+(?:people\s+|prisoners\s+)?(?:with|holding)\s+(?:a\s+)?foreign\s+(?:citizenship|passports?|"
                           r"nationality)", ctx.text[figure.end:sentence.end])
        if foreign:  # "14 with foreign citizenship": the foreign nationals
            _count(ctx, "released_count", figure, figure.start, figure.end + foreign.end(),
                   clause_release(ctx, sentence, figure.start), population=group_of(ctx, "foreign nationals"))
            continue
        noun = group_noun(ctx, figure.end, sentence.heading)
        if not noun or re.match(r"\s+years?\b", ctx.text[figure.end:figure.end + 7]):
            continue
        if _held_where(ctx, sentence, figure, noun.end()):
            continue
        if re.match(r"\s+and\s+(?:[a-z][\w-]*\s+){0,2}(?:residents|relatives|family|families)\b",
                    ctx.text[noun.end():sentence.end]) or RESIDENTS.match(ctx.text, noun.end()):
            continue  # "6 detained Polish citizens and permanent residents": no group of one nationality
        if _among_the_held(ctx, sentence, figure, noun.end()):
            continue
        population = group_of(ctx, _noun_of(ctx, noun))
        if population:
            _count(ctx, "released_count", figure, figure.start, noun.end(), clause_release(ctx, sentence, figure.start),
                   population=population)
            _the_counted_listed(ctx, sentence, figure, _nationality(ctx, population))
    _sent_and_freed(ctx, sentence)
    _from_countries(ctx, sentence)
    listed = any(ctx.taken(f) for f in sentence.figures)
    # ("one", never the end of "thirty-one")
    for match in re.finditer(r"(?:(?<![\w-])one|(?<=\band\s)an?|(?<=,\s)an?|(?<=\bthem\s)an?|(?<=\bincluding\s)an?|"
                             r"(?<=\bincluded\s)an?|(?<=\bincludes\s)an?|(?<=\binclude\s)an?|(?<=\bthem\sis\s)an?|"
                             r"(?<=\bthem\swas\s)an?|(?<=\bfreed\s)an?|(?<=\breleased\s)an?|(?<=\bpardoned\s)an?|(?<=\bof\s)an?)\s+"
                             r"(?:(?:unnamed|unidentified)\s+)?"
                             r"(?P<noun>(?:[A-Z][a-z]+|U\.S\.|U\.K\.|US|UK)(?:\s+(?:citizen|national))?)\b",
                             sentence.text):
        if re.search(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s–—]$",
                     sentence.text[max(0, match.start() - 9):match.start()], re.IGNORECASE):
            continue  # "twenty one Ukrainians", "twenty–one": one count of 21, not also one
        if RESIDENTS.match(sentence.text, match.end()):
            continue  # "one American green card holder": a resident, of no nationality the page gives
        if OFFICIAL_AFTER.match(sentence.text, match.end()):
            continue  # "one UK official said": who speaks, no one freed
        if re.search(r"\bof\s$", sentence.text[max(0, match.start() - 4):match.start()]) and \
                not ONE_FREED.search(sentence.text, max(0, match.start() - INCLUDED_REACH), match.start()):
            continue  # "of a" only after a freeing's noun ("the release of an American"; not "the wife of an American")
        implied = False  # "an American" said of one of the freed: at least one
        # "3 foreigners, including a Canadian": one of a count, not a count of its own
        including = bool(INCLUDED_ONE.search(sentence.text, max(0, match.start() - INCLUDED_REACH), match.start()))
        if not match.group(0).startswith("one") and (including or not (
                (listed or re.search(r"\b(?:and|,)\s+(?:\w+\s+){1,2}[A-Z]", sentence.text[match.end():match.end() + 30]))
                and re.match(r"\s*(?:[.,;]|and\b|$)", sentence.text[match.end():])) and
                not (listed and re.match(r"\s+(?:were|are)\b", sentence.text[match.end():]))):
            if not _one_among_the_freed(ctx, sentence, match):
                continue  # "an American" counts as one only within a list of counts, or as one of the freed
            implied = True
        population = group_of(ctx, match.group("noun"))
        release = clause_release(ctx, sentence, sentence.start + match.start())
        if population and release:
            bound = {"qualifier": "at_least", "review": "implied-count",
                     "note": f'"{match.group(0)}": at least one'} if implied else {}
            ctx.add("released_count", "count", 1, sentence.start + match.start(), sentence.start + match.end(),
                    subject=release, population=population, **bound)
    _described_freed(ctx, sentence)
    _nationalities_sharing_a_noun(ctx, sentence)
    for match in re.finditer(rf"\b(?:An?|an?)\s+"
                             rf"(?P<noun>(?:[A-Z][a-z]+|U\.S\.|U\.K\.|US|UK)(?:\s+(?:citizen|national))?)"
                             rf"(?P<named>(?:\s+[a-z][\w-]*){{1,2}},\s+(?P<name>[A-Z][^,;:.]{{1,50}}),)?"
                             # "An American held in Poland has been freed": where they were held, between
                             rf"(?:\s+(?:held|detained|jailed|imprisoned)\s+in\s+[A-Z][\w-]*)?\s+(?:has|had|was|is)\s+"
                             rf"(?:also\s+)?(?:been\s+)?(?:freed|released|pardoned|among(?:st)?\s+(?:those|the)\s+freed|"
                             # "A Canadian is one of the five detainees freed"
                             rf"one\s+of\s+(?:the\s+)?(?:[\w,-]+\s+){{1,3}}?(?:freed|released|pardoned)|"
                             rf"(?P<them>among(?:st)?\s+them))\b", sentence.text):
        if match.group("named"):  # "An Estonian journalist, X, was among them": by nationality, then by name
            name_at = sentence.start + match.start("name")
            if not any(p.start == name_at for p in persons(ctx, sentence)):
                continue
        if match.group("them") and not (match.group("named") and ctx.previous_freeing):
            continue  # "among them" of the freed only right after a sentence that frees
        if re.search(r"\b(?:of|for|with|to|by)\s+$", sentence.text[max(0, match.start() - 5):match.start()]):
            continue  # "The wife of an American was also released": she was, of no nationality the page gives
        if ANOTHER_TIME_AFTER.match(sentence.text, match.end()):
            continue  # "An American held in Minsk was freed last year": another release's, which the page does not date
            # (one it dates, "was freed in 2019", is that date's release)
        population = group_of(ctx, match.group("noun"))
        release = clause_release(ctx, sentence, sentence.start + match.start())
        if population and release:
            ctx.add("released_count", "count", 1, sentence.start + match.start(), sentence.start + match.end(),
                    subject=release, qualifier="at_least", population=population)
    _counted_then_nationals(ctx, sentence)
    _total_of_the_parts(ctx, sentence)


ANOTHER_TIME_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}?(?:last\s+(?:year|month|week)|earlier(?!\s+(?:on|in|today|this|"
                                r"that)\b)|previously|(?:\w+\s+)?(?:years?|months?|weeks?)\s+(?:ago|before|earlier))\b",
                                re.IGNORECASE)
"""Right after a freeing of one national (within three words), words of another time than the page's release: "was
freed last year", "was released two years ago" (not "earlier on Friday", the same day)."""
COUNTED_THEN_NATIONALS = re.compile(r"\b[Tt]he\s+(?P<count>\S+)\s+(?:other\s+)?(?:prisoners|detainees|people|"
                                    r"individuals|captives|hostages)\s+(?:freed|released|pardoned)\s+(?:were|are)\s+(?:all\s+)?"
                                    r"(?P<noun>[A-Z][a-z]+\s+(?:nationals|citizens))\b")
"""The freed counted, then their nationality: "the three other detainees freed are Latvian citizens"."""


def _counted_then_nationals(ctx: Context, sentence: Sentence) -> None:
    """"According to the ministry, the three other detainees freed are Latvian citizens": as many of that country's
    nationals were freed as the count says."""
    for match in COUNTED_THEN_NATIONALS.finditer(sentence.text):
        figure = next((f for f in sentence.figures if f.start == sentence.start + match.start("count")
                       and not ctx.taken(f)), None)
        population = group_of(ctx, match.group("noun")) if figure else None
        release = clause_release(ctx, sentence, sentence.start + match.start()) if population else None
        if release and ctx.take(figure):
            ctx.add("released_count", "count", figure.value, sentence.start + match.start(), sentence.start + match.end(),
                    subject=release, qualifier=figure.qualifier, population=population)


FREED_OBJECT = re.compile(rf"\b{FREE_VERB}\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:(?:[\w-]+\s+){{1,2}}(?:and|,)\s+)?$",
                          re.IGNORECASE)
"""Before a count, the freeing it is the object of, perhaps after another count it frees ("released one Danish and"; not
"released a statement saying", nor "freed A and deported")."""


HELD_WHERE = re.compile(r"\s+(?:still\s+)?(?:in\s+(?:prison|jail|custody|detention)|behind\s+bars)\b(?!\s+(?:since|for)\b)")
"""After a group counted, where they are held: "1,100 Ukrainians behind bars" (not "five Ukrainians in prison since 2022",
which tells how long the freed were held)."""
THERE_ARE = re.compile(r"\b(?:there\s+(?:are|were|remain)|(?:are|were)\s+still|remain(?:s|ed|ing)?)\s+"
                       r"(?:still\s+|now\s+|currently\s+)?$", re.IGNORECASE)
"""Before a group counted, words that say they are (still) there: "there are", "remain"."""


CASUALTY = re.compile(r"\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|deaths?\s+of|dead(?!-)|died|wound(?:ed|ing)|"
                      r"injur(?:ed|ing|ies)|massacre[ds]?|executed|bodies\s+of|remains\s+of)\b", re.IGNORECASE)
CASUALTY_REACH = 60
"""How far before a count a word of killing or death is looked for."""
FREED_AFTER_REACH = 200
"""How far after such a count its own freeing is looked for ("12 Poles, jailed since 2021 on charges of ..., were
released")."""


def _casualties(ctx: Context, sentence: Sentence, figure: Figure) -> bool:
    """True when a count is of the dead or hurt, not of the freed: "a conflict which killed some 900 civilians and 73
    Poles", "a fire killed two guards, 12 Poles and a cook", "20 years over the deaths of four Poles" (a word of killing
    within its reach before it, with no freeing between, nor one within FREED_AFTER_REACH after it in its sentence: not
    "after the deaths of three inmates, Minsk freed 12", "After the killing of a guard, 12 Poles were released")."""
    start = max(sentence.start, figure.start - CASUALTY_REACH)
    found = [m for m in CASUALTY.finditer(ctx.text, start, figure.start)]
    end = min(sentence.end, figure.end + FREED_AFTER_REACH)  # (a window: a long sentence is read once per count)
    return bool(found) and not re.search(r"[.;:]", ctx.text[found[-1].end():figure.start]) and \
        not FREEING.search(ctx.text, found[-1].end(), end)


def _held_where(ctx: Context, sentence: Sentence, figure: Figure, end: int) -> bool:
    """True when a group counted up to `end` is said to be where people are held: "there are between 70 and 80
    Ukrainians in prison", "there remain 1,100 Ukrainians behind bars" (not "including five Ukrainians in prison since
    2022", "freed 12 Ukrainians in custody in Minsk")."""
    return bool(HELD_WHERE.match(ctx.text, end)) and \
        bool(THERE_ARE.search(ctx.text, max(sentence.start, figure.start - 40), figure.start))


def _figures_sent(ctx: Context, sentence: Sentence) -> list[Figure]:
    """The sentence's figures the destination rule drafted as where some went: they may count the freed too."""
    sent = ctx.drafted_at("destination_count", "destination-count")
    return [f for f in sentence.figures if f.start in sent]


def _sent_and_freed(ctx: Context, sentence: Sentence) -> None:
    """"Belarus released two Austrian citizens, who were flown to Poland": a nationality counted where it went is also
    a count of the freed, when it is the object of the freeing (not "Two Austrian citizens were flown to Poland":
    where some went)."""
    for figure in _figures_sent(ctx, sentence):
        noun = group_noun(ctx, figure.end)
        lead = FREED_OBJECT.search(ctx.text, max(sentence.start, figure.start - 60), figure.start)
        if noun is None or lead is None or re.search(r"[,;]", ctx.text[lead.start():figure.start]):
            continue
        population = group_of(ctx, _noun_of(ctx, noun))
        release = clause_release(ctx, sentence, figure.start)
        if population and release and figure.qualifier != "between":  # the figure is the destination's, and this one's too
            ctx.add("released_count", "count", figure.value, figure.start, noun.end(), subject=release,
                    qualifier=figure.qualifier, population=population)


PARDON_SOUGHT = re.compile(r"\b(?:demand\w*|call\w*|request\w*|reject\w*|refus\w*|den(?:y|ied|ies)|sought|seek\w*|ask\w*|"
                           r"urg\w*|petition\w*|appeal\w*|plead\w*)\b", re.IGNORECASE)
"""Before "a pardon for 30", words that make it sought or refused, not granted."""
NATION_WORD = r"(?:[A-Z][a-z]+|U\.S\.|U\.K\.)"
"""A nationality's word as written, or a country's two letters with their dots ("U.S.", "U.K.")."""
SHARED_NOUN = re.compile(r"\b(?:including|include[sd]?|among\s+them(?:\s+(?:were|are))?|and)\s+(?:also\s+)?"
                         rf"(?P<list>(?:{NATION_WORD},\s+)*{NATION_WORD},?\s+and\s+{NATION_WORD})\s+"
                         r"(?P<noun>citizens|nationals)\b")
"""Nationalities listed before one plural noun, among the freed: "including Japanese, Polish and Swedish citizens"."""


def _nationalities_sharing_a_noun(ctx: Context, sentence: Sentence) -> None:
    """"Belarus freed 14 prisoners, including Japanese, Polish and Swedish citizens": at least one of each nationality
    (each a demonym; not in a clause that says they are held, "but Japanese and Polish citizens remain in prison")."""
    for match in SHARED_NOUN.finditer(sentence.text):
        words = re.findall(NATION_WORD, match.group("list"))
        if not all(is_demonym(w) for w in words) or \
                re.match(r"\s+(?:were|are|was|is|have|had|will|would|remain)\b(?!\s+(?:also\s+)?(?:freed|released|pardoned)\b)",
                         sentence.text[match.end():]):
            continue  # "... and Japanese and Polish citizens were barred from entering", "... remain in prison"
        if match.group(0).startswith("and") and not re.search(r"\b(?:including|include[sd]?|among\s+them)\b",
                                                              sentence.text[:match.start()]):
            continue  # after "and", only as the next item of a list of the freed ("include five Belarusians and ...")
        release = clause_release(ctx, sentence, sentence.start + match.start())
        for word in words:
            population = group_of(ctx, f"{word} {match.group('noun')}")
            if population and release:
                ctx.add("released_count", "count", 1, sentence.start + match.start("list"), sentence.start + match.end(),
                        subject=release, qualifier="at_least", population=population, review="implied-count",
                        note=f'"{word} {match.group("noun")}" among the freed: at least one')


DESCRIBED = re.compile(r"an?\s+(?:ex-|former\s+)?(?P<nationality>U\.S\.|U\.K\.|[A-Z][a-z]+)\s+"
                       r"(?:(?!(?:in|on|at|from|to|after|with|by|for|of|a|an|the)\b)[a-z][\w-]*\s+){0,2}?"
                       r"(?!(?:in|on|at|from|to|after|with|by|for|of|a|an|"
                       r"the)\b)[a-z][\w-]*(?=\s*(?:[,.;]|and\b|as\b|on\b|in\b|from\b|to\b|after\b|$))")
"""One of the freed described by nationality and what they are: "a Canadian engineer", "an ex-British diplomat"."""
DESCRIBED_NEXT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _described_freed(ctx: Context, sentence: Sentence) -> None:
    """The freed described one by one, right after the word that frees them: "said on Monday it was releasing and
    deporting a Latvian doctor, a Polish blogger and an Estonian citizen": at least one of each nationality."""
    for freeing in sentence.freeing():
        if _undone_before(sentence, freeing.start()):
            continue  # "two years after Poland freed an American engineer", "denied it had freed a Latvian doctor"
        at = freeing.end()
        verb = re.match(r"\s+and\s+[a-z]+(?:ing|ed)\b", sentence.text[at:])  # "releasing and deporting"
        at = at + (verb.end() if verb else 0)
        at += len(sentence.text[at:]) - len(sentence.text[at:].lstrip())
        while (item := DESCRIBED.match(sentence.text, at)) is not None:
            nationality = item.group("nationality")
            population = group_of(ctx, "US citizen" if nationality == "U.S." else nationality) \
                if nationality == "U.S." or demonym_country(ctx, nationality) != (None, None) else None
            release = clause_release(ctx, sentence, sentence.start + freeing.start())
            if population and release:
                ctx.add("released_count", "count", 1, sentence.start + item.start(), sentence.start + item.end(),
                        subject=release, population=population, qualifier="at_least", review="implied-count",
                        note=f'"{item.group(0)}": at least one')
            after = DESCRIBED_NEXT.match(sentence.text, item.end())
            if after is None:
                break
            at = after.end()


AMONG_THE_FREED = re.compile(rf"\s+(?:were|are)\s+(?:also\s+)?among(?:st)?\s+(?:those|the)\s+{BEFORE_FREED}(?:freed|released|"
                             rf"pardoned)\b", re.IGNORECASE)


NOT_SAID_DONE = re.compile(r"\b(?:den(?:y|ies|ied)|whether|unclear|if|toward|towards|after|before|since|when|until|"
                           r"hop\w*|want\w*|working)\b", re.IGNORECASE)
"""In the clause before the freeing of one national, words that leave it undone, denied, asked or another time's."""


def _undone_before(sentence: Sentence, at: int) -> bool:
    """True when the clause before a freeing at `at` (of the sentence's text; read within a window) says it undone,
    denied, asked or of another time (`NOT_SAID_DONE`)."""
    return bool(NOT_SAID_DONE.search(re.split(r"[,;:]", sentence.text[max(0, at - 2 * INCLUDED_REACH):at])[-1]))
ONE_FREED = re.compile(r"\b(?:(?<!to\s)(?:freed|released|pardoned)|(?:release|freeing)\s+(?:from\s+[A-Z][\w-]*\s+)?of)\s+$",
                       re.IGNORECASE)
"""Right before one person of a nationality, the freeing whose object they are: "freed a", "the release from Belarus of
a"."""
ONE_NOT_DONE = re.compile(r"\b(?:to|will|would|could|may|might|should|must|shall|can|cannot|not|never|n[’']t)\s+"
                             r"(?:\w+\s+)?$|\bfor\s+(?:the\s+)?$", re.IGNORECASE)
"""Right before a freeing, the words that leave it undone: "should free", "did not free", "pressed for the release"."""
INCLUDED_ONE = re.compile(r"\b(?:including|includ(?:e|es|ed)|among(?:st)?\s+them\s+(?:is|was))\s+$", re.IGNORECASE)
"""Before one person of a nationality, the words that make them one of a group: "including a", "The freed included a",
"Among them is a"."""


SUBJECT_REACH = 80
"""How far before "included" its subject is read."""
NOT_THE_FREED = re.compile(r"\b(?:who|that|which|remain\w*|still|later|future|may|might|could|will|would|team|"
                           r"delegation|list|names)\b", re.IGNORECASE)
"""In the subject of "included", words that make it no group of the freed: a clause of its own ("the team that negotiated
the release"), those still held ("the 1,100 who remain"), freeings to come ("those who may be freed later")."""
OTHER_GROUP_LAST = re.compile(r"\b(?:officials|diplomats|envoys|delegates|delegations?|representatives|negotiators|"
                              r"lawmakers|ministers|leaders|guests|reporters)\W*$", re.IGNORECASE)
"""A sentence that ends on another group than the freed, whom a next "Among them" is about ("... met several
diplomats. Among them was ...")."""
INCLUDED_REACH = 40
"""How far before one person of a nationality the words that include them are read (a window: a sentence may list
thousands of them)."""
NOT_INCLUDED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+\s+)?$")


def _one_among_the_freed(ctx: Context, sentence: Sentence, match: re.Match) -> bool:
    """One person of a nationality named, without a count, as one of the freed: "released 11 prisoners, including
    an American and a teacher", "The prisoners it freed included a U.S. citizen", "X and an unnamed Estonian citizen were
    among those released", "Among them is a Japanese national" right after a sentence that frees. It says that at
    least one was freed, not that only one was (never "including an American envoy": a noun follows; nor after
    words of people still held: "freed 12, but more than 1,100 remain behind bars, including an American")."""
    after = sentence.text[match.end():]
    freeing = ONE_FREED.search(sentence.text, max(0, match.start() - INCLUDED_REACH), match.start())
    if freeing:  # "Belarus freed an American", "won the release from Poland of an American"
        ahead = sentence.text[max(0, freeing.start() - INCLUDED_REACH):freeing.start()]
        if _undone_before(sentence, freeing.start()) or re.match(r"\s+from\s+(?:an?|the|his|her|their)\s+(?!prison|jail|detention|"
                                                     r"custody|captivity)", after):
            return False  # "denied that it had freed a", "unclear whether", "two years after Poland freed a", "toward the
            # release of a"; "released an American from a locked car"
        return not CALLED.search(ahead) and not ONE_NOT_DONE.search(ahead) and not WISH.search(ahead) and \
            bool(re.match(r"\s*(?:[.,;]|and\b|who\b|(?:held|detained|jailed|arrested|sentenced|imprisoned|on|in|last|"
                          r"this|after|from|to|into|across|over)\b|$)", after))
    included = INCLUDED_ONE.search(sentence.text, max(0, match.start() - INCLUDED_REACH), match.start())
    if included and re.match(r"among", included.group(0), re.IGNORECASE):
        # "them" are the freed the sentence before told of: not when it also told of people still held ("..., but 1,100
        # remain behind bars. Among them is ...") or ended on another group ("... met several diplomats")
        previous = ctx.previous_sentence or ""
        return bool(ctx.previous_freeing) and included.start() == len(sentence.text) - len(sentence.text.lstrip()) and \
            not STILL_HELD.search(previous) and not re.search(r"\bkeep\w*\b", previous, re.IGNORECASE) and \
            not OTHER_GROUP_LAST.search(previous) and \
            bool(re.match(r"\s*(?:[.,;]|and\b|who\b|(?:held|detained|jailed|arrested|sentenced|imprisoned)\b|$)", after))
    if included and NOT_INCLUDED.search(sentence.text, max(0, included.start() - INCLUDED_REACH), included.start()):
        return False  # "the freed did not include a Japanese citizen"
    if included and not included.group(0).lower().startswith("including"):
        # the verb "include(d)": its subject must be the freed ("The prisoners it freed included a U.S. citizen"; not "the
        # team that negotiated the release included", "the 1,100 who remain include", "the list for future releases")
        window = sentence.text[max(0, included.start() - SUBJECT_REACH):included.start()]
        subject = re.split(r"[,;:(]", window)[-1]
        if not re.search(r"\b(?:freed|released|pardoned)\b", subject, re.IGNORECASE) or NOT_THE_FREED.search(subject) or \
                len(subject.split()) > 6:
            return False
        return bool(re.match(r"\s*(?:[.,;]|and\b|$)", after))
    if included:
        earlier = [m for m in sentence.freeing() if m.end() <= match.start()]
        return bool(earlier) and not STILL_HELD.search(sentence.text, earlier[-1].end(), match.start()) and \
            bool(re.match(r"\s*(?:[.,;]|and\b|$)", after))
    if sentence.text[:match.start()].endswith("and "):
        return bool(AMONG_THE_FREED.match(after))
    return False


FROM = re.compile(rf"\s+(?:{ADJECTIVES}{PEOPLE}\s+)?(?:(?:were|was|are|came)\s+)?from\s+", re.IGNORECASE)
HELD_REACH = 150
"""How far before a count the words that say those it counts are still held are looked for."""
LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
"""Between two items of a list: a comma, "and", or both."""
EACH_FROM = re.compile(r"\s+each\s+from\s+(?:the\s+)?", re.IGNORECASE)
"""After a count, a count of each country listed: "two each from Poland and Ukraine"."""
OTHERS_FROM = re.compile(r"\b(?:and\s+)?(?:the\s+)?others?\s+(?:were\s+)?from\s+", re.IGNORECASE)


def _from_countries(ctx: Context, sentence: Sentence) -> None:
    """A breakdown by where people come from: "four individuals from Latvia, two from Poland", and "others
    from Estonia and Sweden" (at least one of each)."""
    for figure in _free(ctx, sentence):
        each = EACH_FROM.match(ctx.text, figure.end, sentence.end)
        listed = _countries_listed(ctx, sentence, each.end()) if each and figure.qualifier == "exact" else []
        release = clause_release(ctx, sentence, figure.start) if listed else None
        if release:  # "two each from Poland and Ukraine": as many of each country's
            clause = sentence.clause(figure.start)[0]
            held = STILL_HELD.search(ctx.text, max(clause, figure.start - HELD_REACH), figure.start)
            if held and not sentence.freeing_between(clause, figure.start):
                continue  # "..., but 10 foreigners remain behind bars, including two each from ...": those held (not
                # "pardoned 14 foreigners still held in prisons, including two each from ...": the freed, described)
            if ctx.take(figure):
                for country in listed:
                    ctx.add("released_count", "count", figure.value, figure.start, country.end, subject=release,
                            population=nationals_of(ctx, country.entity, country.text))
                continue
        lead = FROM.match(ctx.text, figure.end, sentence.end)
        country = country_at(ctx, sentence, lead.end(), itself=True) if lead else None
        if lead and re.search(r"[a-z]\s", lead.group(0).strip()[:-4] + " ") and country is not None and \
                country.entity == ctx.country:
            continue  # "52 prisoners from Belarus": the releasing country's, not a breakdown
        if country is not None and ctx.registry_place_kind(country.entity) == "country":
            _count(ctx, "released_count", figure, figure.start, country.end,
                   clause_release(ctx, sentence, figure.start), population=nationals_of(ctx, country.entity, country.text))
    _one_of_each(ctx, sentence, CITIZENS_OF, "citizens of", own=False)
    _one_of_each(ctx, sentence, OTHERS_FROM, "others from", own=True)
    _one_of_each(ctx, sentence, FOREIGNERS_FROM, "foreigners from", own=False, least=2, counted=True)


RUNNING_WORDS = (r"so\s+far|to\s+date|in\s+recent\s+(?:months|years)|"
                 r"over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years|weeks)")
"""Words of a running total over several releases: "so far", "to date", "in recent months", "over the past two years"."""
RUNNING = re.compile(r"[^.;,]{0,30}?\b(?:(?:have|has|had)\s+been\s+(?:\w+ly\s+)?(?:freed|released|pardoned)\s+since\b|since\s+(?:(?:early|late|mid-?)\s*)?(?:\w+\s+)?(?:19|20)\d\d|"
                     # "has released more than 300 prisoners since July": since a month, of this year or the last
                     r"since\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
                     r"since\s+(?:the\s+(?:start|"
                     r"beginning|summer|spring)|then|last\s+\w+)|" + RUNNING_WORDS + r")\b", re.IGNORECASE)


RUNNING_SINCE = re.compile(IN_TOTAL_SINCE, re.IGNORECASE)
SHORT_HOLD = re.compile(r"\bfrom\s+(?:police\s+)?custody\s+after\s+questioning\b|\bwithout\s+charges?\b|\bon\s+bail\b")
"""After a count freed, words of a short detention: "released 40 academics from custody after questioning"."""
CLAUSE_REACH = 300
"""How far after a count its clause's words are looked for (a sentence of thousands of counts is read once per count)."""


def _in_a_running_total(ctx: Context, sentence: Sentence, at: int) -> bool:
    """True when a running total's opening ("In total, since last month") comes before `at` in the sentence, with no full
    stop or semicolon between. Its openings are found once per sentence, not once per count."""
    if sentence.start not in ctx.running_since:
        ctx.running_since[sentence.start] = (
            [m.end() for m in RUNNING_SINCE.finditer(ctx.text, sentence.start, sentence.end)],
            [m.start() for m in re.finditer(r"[.;]", ctx.text[sentence.start:sentence.end])])
    ends, stops = ctx.running_since[sentence.start]
    k = bisect.bisect_right(ends, at) - 1
    if k < 0:
        return False
    stop = bisect.bisect_left(stops, ends[k] - sentence.start)  # the first stop after the opening
    return stop == len(stops) or stops[stop] >= at - sentence.start
"""Before a count, a running total's opening: "In total, since January the leader has pardoned 212"."""


CITIZENS_OF = re.compile(r"\b(?:include[sd]?|including|among(?:st)?\s+them(?:\s+(?:were|are))?|(?:also\s+)?(?:freed|released)|"
                         r"among(?:st)?\s+(?:those|the)\s+(?:(?!(?:not|never|previously|earlier|still|yet)\b)\w+\s+)?"
                         r"(?:freed|released|pardoned)\s+(?:were|are)|"
                         r"(?:include[sd]?|including|among(?:st)?\s+them(?:\s+(?:were|are))?)\s+"
                         r"(?:(?!\b(?:who|whom|whose|which|that)\b)[^.;:()]){1,80}?,?\s+and)\s+"
                         r"(?:(?:citizens|nationals)\s+(?:of|from)|(?:individuals|people|persons)\s+from(?=\s+(?-i:[A-Z])))\s+",
                         re.IGNORECASE)
"""Before a list of countries whose citizens were among the freed: "those released include citizens of", "Among those
freed were citizens of", "The others freed include individuals from" (a country's name next, not "people from all
walks of life"), and as the next item of a list of the freed ("including three Latvian nationals and citizens of"; not
inside an item's description: "including A, a lawyer who defended students and citizens of")."""
FOREIGNERS_FROM = re.compile(r"\b(?:foreign\s+(?:nationals|citizens|prisoners|detainees)|foreigners)\s*(?:[–—-]\s*|,\s*)?"
                             r"(?:who\s+(?:were|are)\s+|(?:were|are)\s+)?from\s+", re.IGNORECASE)
""""9 foreign nationals from Estonia, Latvia and Poland": a count of the foreigners, then where they come from (a
list of two or more: one country after the count would be the count's own nationality)."""


def _countries_listed(ctx: Context, sentence: Sentence, offset: int) -> list[Name]:
    """The countries the registry knows listed from `offset`, joined by commas and "and" ("Latvia, Poland and Ukraine");
    none when those listed are still held ("... from Poland and Ukraine remain in prison")."""
    listed = []
    while True:
        country = country_at(ctx, sentence, offset, itself=True)
        if country is None or ctx.registry_place_kind(country.entity) != "country" or \
                ctx.text.startswith("-", country.end):
            break  # (not "Lithuania-based outlets": a compound that names no one's country)
        listed.append(country)
        joiner = LIST_JOINER.match(ctx.text, country.end, sentence.end)
        if not joiner:
            break
        offset = joiner.end()
    if listed and STILL_HELD.search(ctx.text, listed[-1].end, min(sentence.end, listed[-1].end + 30)):
        return []
    return listed


def _one_of_each(ctx: Context, sentence: Sentence, lead: re.Pattern, said: str, own: bool, least: int = 1,
                 counted: bool = False) -> None:
    """"Those freed also include citizens of Estonia, Poland and the US", "the others from Latvia and Estonia": at
    least one of each country's, for each country listed after the lead, when at least `least` are listed. With `own`
    False, the releasing country's citizens are no breakdown and are skipped; with `counted`, the lead follows a
    figure ("14 foreign nationals from ...", not "dozens of foreigners from ... remain jailed")."""
    for found in lead.finditer(sentence.text):
        if counted and not any(0 <= sentence.start + found.start() - f.end <= 2 for f in sentence.figures):
            continue
        offset = sentence.start + found.end()
        release = clause_release(ctx, sentence, offset)
        listed = _countries_listed(ctx, sentence, offset) if release else []
        if len(listed) < least:
            continue
        for country in listed:
            if own or country.entity != ctx.country:
                ctx.add("released_count", "count", 1, sentence.start + found.start(), country.end, subject=release,
                        qualifier="at_least", population=nationals_of(ctx, country.entity, country.text),
                        review="implied-count", note=f'"{said} {country.text}": at least one')


OUT_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?")
"""Between the two figures of "23 out of 170 detainees", "23 of the 170 detainees"."""
POOL_FREED = re.compile(rf"\s+(?:(?!(?:freed|released|pardoned)\b)[\w-]+\s+){{1,3}}?(?:have|has|had|were|was|are|is)\s+"
                        rf"(?:now\s+|\w+ly\s+)?(?:been\s+)?{FREE_VERB}\b", re.IGNORECASE)
"""The pool's noun, then the verb that frees the part: "170 detainees have been released", "318 out of 345 inmates are
released" (not "29 prisoners freed on Tuesday were Americans" nor "29 freed prisoners": there the freeing word is said
of the whole)."""


def _pools(ctx: Context, sentence: Sentence) -> dict[int, Figure]:
    """The larger figure of each "23 out of 170 detainees have been released" or "Authorities released 23 out of 170
    detainees", by where its first figure starts (the pool is always the next figure: one pass over the sentence)."""
    pools = {}
    for part, pool in zip(sentence.figures, sentence.figures[1:]):
        if not OUT_OF.fullmatch(ctx.text, part.end, pool.start):
            continue
        freed_before = re.search(rf"\b{FREE_VERB}\s+$", ctx.text[max(sentence.start, part.start - 30):part.start],
                                 re.IGNORECASE)
        if freed_before or POOL_FREED.match(ctx.text, pool.end, sentence.end):
            pools[part.start] = pool
    return pools


NUMBER_ROSE = re.compile(r"\b(?<!total\s)number\s+of\s+(?:(?!not\b|yet\b)[\w-]+\s+){0,3}?(?:released|freed|pardoned)"
                         r"(?:\s+(?:in|from)\s+[A-Z][\w-]*)?(?:\s+(?:over\s+the\s+weekend|on\s+[A-Z][a-z]+day|today|yesterday|"
                         r"since\s+[A-Z][a-z]+day))?(?:,\s+[^,]{1,60},)?"
                         r"\s+(?:rose|has\s+risen|had\s+risen|climbed|increased|grew|reached|stands|stood)\s+(?:to\s+|at\s+)?$",
                         re.IGNORECASE)
"""A running count of one release's freed, just before its figure: "the number of opposition activists released
on Sunday rose to 88"; nothing but a place or the last days between them. Not a total over several ("the
total number of people freed this spring has reached 47", "released this month", "under the amnesty law"), nor
those not yet freed."""


HELD_SINCE = re.compile(r"\s+(?:(?:\w+\s+){0,2}?(?:who\s+(?:were|had\s+been|have\s+been)\s+)?)"
                        r"(?:held|jailed|detained|imprisoned|kept)"
                        r"(?:\s+(?:in\s+(?:custody|prison|jail|detention)|behind\s+bars))?\s+since\b")
"""After a count's noun, how long they were held: "four prisoners held in custody since 2021", "14 prisoners jailed since
the 2020 protests"."""
RUNNING_AFTER_HELD = re.compile(rf"\s+(?:the\s+)?[\w-]+(?:\s+\w+)?\s+(?:{RUNNING_WORDS})\b")
"""Right after the "since" of how long those counted were held, words of a running total: "held since 2020 so far this
year", "... since 2020 over the past two years"."""
HELD_BEFORE = r"\s+(?:were|had\s+been)\s+(?:\w+ly\s+)?(?:jailed|detained|arrested|imprisoned|held|convicted|sentenced)\b"
"""After "who" that follows a count of people, a clause of what befell them before ("who were jailed in 2021")."""


@rule("released-count")
def totals(ctx: Context, sentence: Sentence) -> None:
    """How many were freed: "Belarus freed 52 prisoners", "granted amnesty to 25 prisoners", "released on Thursday
    three U.S. citizens", "102 prisoners including A, B, were released", "were reportedly released", a count the
    freeing side announces ("Belarus will free 300", marked announced), "More than 60 political prisoners were
    released", "the release of 75 prisoners", "Another 31 prisoners released"."""
    if not sentence.freeing() and not sentence.announced():
        return
    for figure in _free(ctx, sentence):
        rose = NUMBER_ROSE.search(ctx.text, max(sentence.start, figure.start - 140), figure.start)
        if rose:  # "The number of detained activists freed over the weekend rose to 96": the release's count
            _count(ctx, "released_count", figure, rose.start(), figure.end, clause_release(ctx, sentence, figure.start))
    went = _figures_sent(ctx, sentence)
    pools = _pools(ctx, sentence)
    pooled = {pool.start for pool in pools.values()}
    for figure in sorted(_free(ctx, sentence) + went, key=lambda f: f.start):
        before = ctx.text[max(sentence.start, figure.start - 40):figure.start]
        if figure.start in pooled:
            continue  # the 170 of "About 23 out of 170 detainees have been released": the pool, not the freed
        pool = pools.get(figure.start)
        base = pool.end if pool else figure.end  # "23 out of 170 detainees have been released": 23, said of the pool's noun
        after = ctx.text[base:sentence.end]
        lead = re.search(rf"\b{FREE_VERB}\s+(?:of\s+|(?<=amnesty\s)to\s+|(?<=clemency\s)to\s+|(?<=freedom\s)to\s+|"
                         rf"(?<=pardon\s)(?:to|for)\s+|(?<=pardons\s)(?:to|for)\s+|on\s+[A-Z][a-z]+day\s+|"
                         # "released on Friday 20th of November two", "freed on Friday, November 20, three"
                         rf"on\s+[A-Z][a-z]+day,?\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+[A-Z][a-z]+\.?|"
                         rf"[A-Z][a-z]+\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?,?\s+|"
                         # "released under a royal amnesty eleven", "released under the deal on Monday eleven"
                         rf"under\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:amnesty|pardon|decree|deal|agreement)"
                         rf"(?:\s+on\s+[A-Z][a-z]+day)?\s+|"
                         # "granted clemency on Tuesday to seven"
                         rf"(?:(?<=amnesty\s)|(?<=clemency\s)|(?<=pardon\s)|(?<=pardons\s)|(?<=freedom\s))on\s+[A-Z][a-z]+day\s+to\s+)?"
                         rf"(?:(?:a|the)\s+(?:further|total\s+of|group\s+of)\s+|another\s+|an\s+additional\s+)?$", before,
                         re.IGNORECASE)
        # "the release of 75", "granted amnesty to 25", "grant freedom to 3,000", "released on Thursday three", "issued a
        # royal pardon to 96"
        if lead and re.search(r"\bfor\s+$", lead.group(0)) and PARDON_SOUGHT.search(
                ctx.text, max(sentence.start, figure.start - len(lead.group(0)) - 40), figure.start - len(lead.group(0))):
            continue  # "demanded a pardon for 30", "rejected a pardon for 30", "a request for a pardon for 30"
        announced = False
        called = CALLED.search(ctx.text, max(sentence.clause(figure.start)[0], figure.start - 120), figure.start)
        noun = re.search(r"(?:amnesty|clemency|pardons?)\s+(?:to|for)\s+$", lead.group(0), re.IGNORECASE) \
            if lead else None
        if noun and pardon_withheld(ctx.text, sentence.start, figure.start - len(lead.group(0)) + noun.start(),
                                    sentence.end, to_come=False):
            continue  # "has not granted pardons to 37", "refused to grant amnesty to 300", "denied pardons to 37"
        if lead:
            ahead = ctx.text[max(sentence.start, figure.start - len(lead.group(0)) - 40):figure.start - len(lead.group(0))]
            announced = bool(ANNOUNCED.search(ahead)) and not called
            if WISH.search(ahead) and not announced and \
                    not (ACT_TO_FREE.search(ctx.text, max(sentence.start, figure.start - len(lead.group(0)) - 90),
                                            figure.start - len(lead.group(0))) and not NONE_FREED.search(sentence.text)):
                continue  # "a campaign to free 300 others", "promised to release 500": no release yet
        if not lead and re.match(rf"\s+{ADJECTIVES}{PEOPLE}\s+go\b", after, re.IGNORECASE):
            lead = re.search(r"\blets?\s+$", before)  # "Belarus let 25 political prisoners go"
        if not lead:  # "released two Americans and three Poles among 52 prisoners": the freeing's total
            among = re.search(r"\bamong(?:st)?\s+(?:a\s+total\s+of\s+)?$", before)
            clause_start = sentence.clause(figure.start)[0]
            if among and re.search(rf"\b{FREE_VERB}\s", ctx.text[clause_start:figure.start - len(among.group(0))],
                                   re.IGNORECASE):
                lead = among
        # "52 prisoners", "Eighteen supporters of the opposition party" (whose words run to the verb)
        noun = re.match(rf"\s+{ADJECTIVES}{PEOPLE}\b\s+of\s+{BODIES}(?=\s+(?:were|have|had)\b)", after,
                        re.IGNORECASE) or \
            re.match(rf"\s+{ADJECTIVES}{PEOPLE}\b(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){{0,5}}?"
                     rf"(?=,|\s+(?:were|was|have|had)\b))?", after, re.IGNORECASE) or \
            re.match(rf"(?=\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+)?{FREE_VERB}\b)", after, re.IGNORECASE)
        if not noun or re.match(r"\s+(?:\w+\s+){0,2}(?:remain|are\s+still|still|continue)", after) or \
                re.match(r"[’']s?\s", after[noun.end():]):
            continue  # (nor "released 40 arrested protesters' names": what is theirs)
        # "released four prisoners held in custody since 2021": how long they were held, no running total; but one in the
        # present perfect is, as at the start ("has pardoned 300 prisoners jailed since 2020")
        verb_at = figure.start - len(lead.group(0)) if lead else None  # (the lead ends right before the figure)
        held = HELD_SINCE.match(after, noun.end())
        perfect = verb_at is not None and re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$",
                                                     ctx.text[max(sentence.start, verb_at - 20):verb_at])
        # (right after the "since" of how long they were held, another sign of a running total: "... since 2020 so far
        # this year"; not "... since 2020 in what is so far the largest release")
        running = RUNNING_AFTER_HELD.match(after, held.end()) if held else RUNNING.match(after, noun.end())
        if running or (held and perfect) or \
                _in_a_running_total(ctx, sentence, figure.start) or SINCE_OPENING.match(sentence.text):
            _listed_releases(ctx, sentence, figure)  # "... since 2025, and a release in March freed 52"
            continue  # "has freed about 300 prisoners since 2025": a running total over several releases
        if re.match(r"\s+other", after) and re.search(r"\b(?:with|and)\s+$", before) or \
                re.match(r"\s+more", after) and re.search(r"\band\s+$", before) and with_others_at(ctx, sentence, figure):
            continue  # "X, along with 13 other detainees, was freed", "X and 12 more prisoners": the with-others rule's
        # "52 prisoners were freed", "102 prisoners including A, B, were released", "44 were reportedly released"
        tail = re.match(rf"(?:,?\s+(?:including|among(?:st)?\s+them|among(?:st)?\s+whom|most\s+of\s+them)\b[^.;:]{{0,120}}?"
                        rf"(?:,|(?=\s+(?:were|was|have|has|had)\s))|"
                        # "Nine community leaders known as the Lake Six have been set free": the group's name, between
                        rf",?\s+(?:(?:also|collectively)\s+)?(?:known\s+(?:collectively\s+)?as|dubbed)\s+(?P<known>"
                        rf"(?:(?!\band\b)[^.;:,]){{1,60}}?),?(?=\s+(?:were|was|have|has|had)\s)|"
                        # "Eight teachers who were jailed and sentenced in Belarus have been released": a relative
                        # clause of what befell them before, between the count and its freeing
                        rf"\s+(?P<held>who{HELD_BEFORE}(?:(?!\b(?:while|whereas|although|though|because|unless|until|"
                        rf"which|whom|whose|where|who)\b|\b(?:before|after|when|as|since)\s+(?:their|his|her|its|the|"
                        rf"other|others|those|some|many)\s+(?:\w+\s+)?(?:have|had)\s+been\b)[^.;:,\d“”\"]){{0,80}}?"
                        rf"(?=\s+have\s+been\s))|"
                        # "Two activists in Ruritania, the region's last monarchy, walked free", "Two teachers, both
                        # poets, were freed": where they are from, a description set off by commas, or both
                        rf"(?P<placed>"
                        rf"(?:\s+(?:in|from)\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){{0,2}})?"
                        rf"(?:,\s+(?:(?!\b(?:and|or|who|whom|whose|which|that)\b)[^,.;:\d“”\"]){{3,60}},)"
                        rf"(?=\s+(?:were|have|walked)\b)|"
                        rf"\s+(?:in|from)\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){{0,2}}"
                        rf"(?=\s+(?:were|have|walked)\b))|"
                        rf"(?:(?!\band\b)[^.;:\d]){{0,12}}?)"
                        rf"\s+(?:(?:were|was|have|has|had|are|being)\s+(?:just\s+|\w+ly\s+)?(?:been\s+)?|"
                        rf"(?P<future>{TO_BE}))?(?:also\s+|now\s+|\w+ly\s+)?(?:{FREE_VERB}\b|"
                        # "among 1,946 people who received pardons on Friday"
                        rf"(?<=who\s)(?:received|were\s+granted|had\s+received)\s+(?:(?:an?|royal|presidential)\s+)*"
                        rf"(?:pardons?|amnesty|clemency)\b(?!\s+(?:in|since|during)\s+(?:19|20)\d\d|\s+have\b)|"
                        # "nine jailed activists were included in the amnesty"
                        rf"(?<=were\s)included\s+in\s+(?:the|this|that|its|his|her)\s+(?:royal\s+|presidential\s+)?"
                        rf"(?:pardon|amnesty|release)\b"
                        rf"(?!\s+(?:talks|negotiations|deal|plan|request|process|list|efforts)\b))",
                        after[noun.end():], re.IGNORECASE)
        if tail and tail.group("placed") and (
                re.search(r"\b(?:of|among(?:st)?|from)\s+(?:(?:the|those|these|its|their)\s+)?$", before, re.IGNORECASE) or
                PLACED_ELSEWHERE.search(tail.group("placed")) or
                RUNNING.match(after, noun.end() + tail.end()) or BRIEFLY_AFTER.match(after, noun.end() + tail.end()) or
                re.search(r"\b(?:have|has)\s+(?!been\b|walked\b)\w+$", tail.group(0), re.IGNORECASE)):
            continue  # "Three of the 12 activists in Ruritania, all women, were freed": the pool; "Nearly 300
            # prisoners, by one count, have been released since 2024": a running total; "Three journalists from
            # Harbour Radio, the channel, have released a film": what they did
        if tail and tail.group("held") and re.search(r"\b(?:of|among(?:st)?|from)\s+(?:(?:the|those|these)\s+)?$", before,
                                                      re.IGNORECASE):
            continue  # "Six of the 20 prisoners who were jailed have been released": the pool, not the freed
        if tail and re.match(r"\s+whose\s", after[noun.end():]) and \
                CALLED.search(after, noun.end() + tail.end(), noun.end() + tail.end() + 60):
            continue  # "the 900 prisoners whose release rights groups had called for": a wish, no release
        if tail and not re.search(r"\b(?:were|was|have|has|had|are|being|who)\b", tail.group(0), re.IGNORECASE) and \
                (THING_RELEASED.match(after, noun.end() + tail.end()) or COUNT_RELEASED.match(after, noun.end() + tail.end())):
            continue  # "The commission's 12 members released a statement", "The two leaders released 14 prisoners":
            # those counted freed someone or released something
        if tail and tail.group("known") and re.search(r"\b(?:of|among(?:st)?|from)\s+(?:(?:the|those|these|its|their|his|her)\s+)?"
                                                     r"(?:(?:original|remaining|other)\s+)?$", before, re.IGNORECASE):
            continue  # "Two of the nine activists known as the Lake Six were freed", "Two among those nine": the pool
        if tail and tail.group("future"):
            if called:
                continue  # "rights groups want 40 prisoners to be released": a call, no release
            announced = True  # "40 political prisoners are expected to be released"
        inner = re.search(rf"\b(?:freed|released|pardoned)\b", noun.group(0))
        if not (lead or tail or inner):
            continue
        if not lead and CONDITION.search(ctx.text, sentence.clause(figure.start)[0], figure.start) and \
                not (tail and re.search(r"\b(?:were|was|had)\b", tail.group(0))):
            continue  # "vowed to fight until all of the country's 780 political prisoners are released": a goal (not
            # "continued until 14 prisoners were released", done)
        if tail and re.search(r"\b(?:must|should|need\s+to|needs\s+to|ought\s+to)\s+(?:\w+\s+)?be\b", tail.group(0)):
            continue  # "All of the country's 1,100 political prisoners must be freed": a call
        begin = _actor_start(ctx, sentence, figure.start - len(lead.group(0))) if lead else figure.start
        begin = _another(ctx, begin)
        finish = base + noun.end() + (tail.end() if tail else 0)
        if figure in went:  # "the release of 135 prisoners who would be sent to Guatemala", "19 prisoners were freed and
            # driven to Vilnius": freed, and gone there (not "27 people released from detention arrived in Vilnius")
            if lead or (tail and re.search(r"\b(?:were|was|have\s+been|had\s+been)\s", tail.group(0))):
                ctx.add("released_count", "count", figure.value, begin, finish, qualifier=figure.qualifier
                        if figure.qualifier != "between" else "exact", subject=clause_release(ctx, sentence, figure.start))
            continue
        besides = others_beside(ctx, sentence, figure)
        if besides is not None:  # "13 other prisoners were released along with A": A and the others, 14
            if besides and ctx.take(figure):
                start, end, named, who = besides
                ctx.add("released_count", "count", figure.value + named, start, end, qualifier=figure.qualifier,
                        subject=clause_release(ctx, sentence, figure.start), review="implied-count",
                        note=f"{who} and {figure.value} others: {figure.value + named}")
            continue
        if announced and (re.search(r"\b(?:another|further|additional)\s+$", ctx.text[max(0, figure.start - 12):figure.start],
                                    re.IGNORECASE) or re.match(r"\s+(?:more|further|additional)\b", ctx.text[figure.end:]) or
                          STILL_TO_COME.search(ctx.text, finish, min(sentence.end, finish + 25))):
            continue  # "30 more prisoners will be released next month": a later release, still to come
        if announced:  # "Belarus will free 300 prisoners under an amnesty": the release's count, not yet done
            _count(ctx, "released_count", figure, begin, finish, clause_release(ctx, sentence, figure.start),
                   review="announced", note="announced by the side that frees; not reported done")
            continue
        if SHORT_HOLD.search(ctx.text, finish, min(sentence.end, finish + CLAUSE_REACH)):
            continue  # "released 40 academics from custody after questioning": a short detention, no release
        if NOT_FROM_PRISON.match(ctx.text, finish, sentence.end) or OF_WHOM_FREED.match(ctx.text, finish, sentence.end):
            continue  # "released from correctional labour", "801 were pardoned, of whom 463 were released from custody"
        along = ALONG_WITH.match(ctx.text, finish, sentence.end)
        other = next((f for f in sentence.figures if along and f.start == along.end()), None)
        if other is not None and CO_FREED.match(ctx.text, other.end, min(sentence.end, other.end + 200)):
            continue  # "pardoned six members of the ring, along with two convicted of aiding them": a part, not the total
        _count(ctx, "released_count", figure, begin, finish, clause_release(ctx, sentence, figure.start))
        _listed_releases(ctx, sentence, figure)


NOT_FROM_PRISON = re.compile(r"(?:\s+(?:early|\w+ly|(?:on|in)\s+[A-Z]?[\w,]+(?:\s+\d{1,4})?)){0,2}\s+from\s+(?:the\s+)?"
                             r"(?:further\s+)?(?:serving\s+)?"
                             # not a prison named for its labour ("the correctional labour colony", "forced labour camps")
                             r"(?:(?:correctional|corrective|forced|compulsory|community)\s+(?:labou?r|work|service)"
                             r"(?!\s+(?:colon(?:y|ies)|camps?|facilit(?:y|ies)|cent(?:re|er)s?|institutions?|prisons?))|fines?\b|"
                             r"probation|(?:deferred|suspended|conditional)\s+(?:punishments?|sentences?)|"
                             # a post or a ward, not a prison: "released 300 police officers from service", "from hospital"
                             r"(?:military\s+|active\s+)?(?:service|duty)\b|hospitals?\b(?!\s+(?:of|in|at)\s)|quarantine\b|"
                             r"(?:their\s+)?(?:contracts?|posts?|duties|jobs?)\b|"
                             r"(?:other\s+)?punishments?\s+(?:in\s+the\s+form\s+of\s+(?!imprisonment|deprivation\s+of\s+(?:liberty|"
                             r"freedom))|not\s+related\s+to|other\s+than)|other\s+punishments?|restriction\s+of\s+"
                             r"(?:liberty|freedom)|(?:half|part)\s+of\s+the\s+unserved)", re.IGNORECASE)
"""After a count freed, a punishment other than prison they were released from: an amnesty's breakdown ("17 people were
released from further punishment in the form of limited liberty", "from correctional labour", "from fines")."""
OF_WHOM_FREED = re.compile(r"[^.;,]{0,40}?,?\s+of\s+(?:whom|them)\s+[\d,]+\s+(?:[a-z]+\s+){0,2}(?:were|was|are|have\s+been|had\s+been)\s+"
                           r"released\s+from\s+(?:custody|prison|jail|detention|imprisonment)")
"""After a count pardoned, the part of it released from prison ("690 convicts were pardoned, of whom 312 people were
released from custody"): that part, not the pardoned, is the count of the freed."""
ALONG_WITH = re.compile(r"[^.;,]{0,40}?,?\s+(?:along|together)\s+with\s+(?:another\s+|a\s+further\s+)?")
"""After a count of the freed, another count freed with them: the first is a part of the release ("pardoned two members
of the cell on Friday, along with four convicted of hiding them")."""
CO_FREED = re.compile(r"\s+(?:(?:other|more)\s+)?(?:[a-z]+\s+)?(?:convicted|sentenced|jailed|accused|charged|detained|arrested|"
                      r"imprisoned|prisoners|detainees|inmates|convicts|others)\b(?![^.;]*?\b(?:freed|released|pardoned)\s+"
                      r"(?:in|on|last|earlier)\b)")
"""After the second count of "along with four convicted of hiding them": people held, and freed with the first (not "14
freed in September", nor "five of their relatives")."""


BRIEFLY_AFTER = re.compile(BRIEFLY)
"""After a count's freeing, a short detention's end ("... were released after questioning")."""
PLACED_ELSEWHERE = re.compile(r"\b(?:ago|earlier|since|in\s+(?:19|20)\d\d|(?:January|February|March|April|May|June|July|"
                              r"August|September|October|November|December)|"
                              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend|yesterday|"
                              r"last\s+(?:week|month|year|night|spring|summer|autumn|fall|winter|\w+day))\b")
"""In a description between a count and its freeing, a time, which the count's release would be dated from: "Five
protesters, arrested last month, were released" (no count: its release is not known so; but "Five protesters, the group
said, were released", "Three journalists, held for a year, were released" count them)."""
THING_RELEASED = re.compile(r"\s+(?:an?|the|their|its|his|her|our|this|these|those)\s+(?!(?:day|week|month|year|days|weeks|"
                            r"months|years|few|couple|same|next|following|previous|last|first|night|morning|evening|"
                            r"afternoon|weekend|hour|hours|minute|minutes|moment|moments|while)\b)", re.IGNORECASE)
"""After "12 members released" with no verb before it, an object: the counted released something ("a statement", "their
own account"), not "released a day after the talks" (a time)."""
COUNT_RELEASED = re.compile(r"\s+(?:(?:more\s+than|over|about|nearly|some|at\s+least|another|a\s+further)\s+)?"
                            r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                            rf"scores|several|thousands)\b)(?![\d,]*[\s-]+{TIME_UNIT})", re.IGNORECASE)
"""After "Two KGB officers released" with no verb before it, a count for its object: the counted are who freed them."""
CONDITION = re.compile(r"\b(?:until|till|unless|if|once|as\s+long\s+as)\b[^,;.]*$", re.IGNORECASE)
"""Before a count freed in the passive, a condition or a goal: "until all 1,100 political prisoners are freed"."""
ANNOUNCED = re.compile(r"\b(?:will|would|(?:is|are|was|were)\s+(?:set|expected|due|going|scheduled)\s+to|(?:is|are)\s+to|"
                       r"(?:plans?|planned|agreed|decided|says|said)\s+(?:it\s+would\s+|to\s+)|"
                       rf"{DECIDED}\s+to\s+)\s*(?:(?:gradually|soon|also)\s+)?$",
                       re.IGNORECASE)
"""What the freeing side says it will do, just before the verb: "Belarus will free 300", "agreed to gradually release
553", "the council says to release over 4,500" (a release announced, not a wish: not "promised to", "urged to")."""
TO_BE = r"(?:will|would)\s+(?:also\s+)?be\s+|(?:is|are)\s+(?:set|expected|due|scheduled|going)\s+to\s+be\s+|(?:is|are)\s+to\s+be\s+"
"""A passive freeing to come: "are expected to be released", "will be freed"."""
CALLED = re.compile(r"\b(?:[Cc]all\w*|[Uu]rg\w*|[Dd]emand\w*|[Hh]op(?:e|es|ed|ing)\b|[Ww]ant\w*|[Aa]sk\w*|[Ss]eek\w*|"
                    r"[Ss]ought|[Aa]ppeal\w*|[Pp]lead\w*|[Cc]ampaign\w*|[Ll]obby\w*|[Ww]ish\w*|[Rr]efus\w*|[Dd]eclin\w*|"
                    r"could|may|might)\b")
"""Words of a call, a hope or a doubt in the clause of the count: the release is others' wish, not announced ("may" in
small letters only: "In May, Belarus said it will free 300" announces)."""


@rule("with-others")
def with_others(ctx: Context, sentence: Sentence) -> None:
    """"X was freed with 17 other prisoners", "journalist and 11 others": X and the others, N + 1 in all."""
    if not sentence.freeing():
        return
    for figure in _free(ctx, sentence):
        others = with_others_at(ctx, sentence, figure) or _others_after_one(ctx, sentence, figure)
        if others is None:
            continue
        start, who, end = others
        listed = INCLUDING_BEFORE.search(ctx.text, max(sentence.start, start - 80), start)
        if listed and any(re.search(rf"\b{FREE_VERB}\s+(?:\w+\s+){{0,3}}$", ctx.text[max(sentence.start, f.start - 40):f.start],
                                    re.IGNORECASE) and COUNTED_NOUN.match(ctx.text, f.end, sentence.end)
                          for f in sentence.figures_within(sentence.start, listed.start())):
            continue  # "freed 100 prisoners, including A and 13 other journalists": a part of the 100, not a total
        release = clause_release(ctx, sentence, figure.start)
        nationals = re.match(rf"\s+other\s+{NATIONALS}", ctx.text[figure.end:end])
        # "X and two other Americans": of that nationality; "X and 13 other Catholics": of none, a count all the same
        population = group_of(ctx, nationals.group("nationals")) if nationals and \
            any(demonym_country(ctx, nationals.group("nationals"))) else None
        located = WHERE_THEY_ARE.match(ctx.text, end, sentence.end)
        if release and ctx.take(figure):
            note = f"{who}: {figure.value + 1}"
            if not located:  # ("X and five other detainees are already in Poland, while a bigger group went to
                # Lithuania": where some of the freed are, no count of them all; they go there below)
                ctx.add("released_count", "count", figure.value + 1, start, end, subject=release, population=population,
                        qualifier=figure.qualifier, note=note, review="implied-count")
            person = next((p for p in persons(ctx, sentence) if p.start == start), None)
            country = _nationality(ctx, population) if population else None
            if person is not None and country:  # "X and two other Americans": X is American too
                ctx.add("nationality", "entity", country, start, end, subject=ctx.note_person(person))
            place = destination_after(ctx, sentence, end)
            if place is not None:  # "X, along with 13 others, was freed and is now in Lithuania": all 14 went there
                ctx.add("destination_count", "count", figure.value + 1, start, place.end, subject=release,
                        scope=place.entity, qualifier=figure.qualifier, note=note, review="implied-count")


OTHERS_FREED = re.compile(rf"\s+other\s+{ADJECTIVES}{PEOPLE}\s+(?:had|have|were|was)\s+(?:also\s+)?(?:been\s+)?"
                          r"(?:freed|released|pardoned)\b")


def _others_after_one(ctx: Context, sentence: Sentence, figure: Figure) -> tuple[int, str, int] | None:
    """"... X was pardoned on Sunday. Poland said 11 other detainees had also been released": on a page that has
    freed one person so far, and names no one before the count, the others and that person, N + 1 in all."""
    others = OTHERS_FREED.match(ctx.text, figure.end, sentence.end)
    if others is None or figure.qualifier != "exact" or figure.upper or \
            any(p.start < figure.start for p in persons(ctx, sentence)):
        return None  # "X and 13 other prisoners were freed" is the with-others rule's own shape
    freed_so_far = {(d.subject, d.value) for d in ctx.drafts if d.property == "released_in"}
    if len(freed_so_far) != 1 or EARLIER_WORDS.search(sentence.text):
        return None  # "In an earlier release in May, 11 other detainees had also been released": others of another
    (person, release), = freed_so_far
    if release != clause_release(ctx, sentence, figure.start) or \
            any(d.value and ctx.off_release(d.value, release) for d in sentence.dates):
        return None  # "X was freed in September 2025 ... On Friday, 13 other prisoners were released": another release
    return figure.start, f"{person} and {figure.value} others", others.end()


def with_others_at(ctx: Context, sentence: Sentence, figure: Figure) -> tuple[int, str, int] | None:
    """For "X and 13 other prisoners", "X, along with 17 others": where X is named, "X and 13 others", and where the
    others end; None for a figure of another shape."""
    before = re.search(r"\b(?:(?:(?:along|together)\s+)?(?:with|and)|alongside)\s+$",
                       ctx.text[max(sentence.start, figure.start - 20):figure.start])
    other = re.match(rf"\s+(?:other|more)\s+{ADJECTIVES}{PEOPLE}\b|\s+other\s+{NATIONALS}|\s+others?\b",
                     ctx.text[figure.end:sentence.end])
    if other and other.group(0).split()[0] == "more" and not _one_and_more(ctx, sentence, figure, before):
        other = None  # "X and 12 more prisoners" (not "freed 14 on Thursday and 12 more on Friday")
    if before and not other and figure.qualifier == "exact" and not figure.upper and \
            re.match(r"(?:along|together)\s|alongside", before.group(0)) and \
            COUNTED_NOUN.match(ctx.text, figure.end, sentence.end):
        return _freed_along_with(ctx, sentence, figure, before)
    if not before or not other or figure.qualifier not in ("exact", "at_least", "more_than") or figure.upper:
        return None
    joined = figure.start - len(before.group(0))
    if before.group(0).startswith("alongside") and \
            not FREED_RIGHT_BEFORE.search(ctx.text, max(sentence.start, joined - 40), joined):
        return None  # "stood alongside 11 other former prisoners at a rally", "jailed alongside 11 others": no freeing
    start = _who_before(ctx, sentence, joined)
    if re.search(r"\b(?:were|are|have)\b", ctx.text[start:joined]):
        return None  # "A and B were freed along with 12 others", "A and the poet B were freed alongside 12 others": two
        # or more and the others, no count of one and them
    if any(start - 25 <= f.end <= start for f in sentence.figures):
        return None  # "five Estonians and two others": a counted group and others, not one person and others
    if GROUP_NAME_BEFORE.search(ctx.text, max(sentence.start, figure.start - 80), joined):
        return None  # "the Minsk Eight and three other activists": a group by its name, and others; no count of one
    who = ctx.text[start:joined].strip()
    return start, f"{who} and {figure.value} others", figure.end + other.end()


JOURNEY_UNDONE = re.compile(r"\b(?:had|will|would|could|should|may|might|refused|expected|hoped?|hopes|"
                            r"planned|plans|asked|wants?|wanted|to\s+be|not|never)\b")
"""Between one person and where they went "along with N others", words that leave the journey undone or earlier: "He
refused to be driven to", "will be driven to", "had been taken to" (before the freeing)."""
OFFICIAL_AFTER = re.compile(r"\s+(?:officials?|diplomats?|envoys?|ministers?|spokes\w+|sources?)\s+"
                            r"(?:said|says|told|added|confirmed|stated)\b")
"""After "one" and a nationality, one who speaks, no national freed: "one UK official said" (not "including one
American government contractor")."""
FREED_RIGHT_BEFORE = re.compile(r"\b(?:freed|released|pardoned|free)\b(?:\s+(?:from|on|in)\s+[\w’'-]+)?\s+$")
"""Right before "alongside N others", the freeing they shared ("were freed alongside", "walked free alongside")."""
GROUP_NAME_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|"
                               r"Twelve|Thirteen|Fourteen|Fifteen|Twenty)\s*,?\s*$")
"""Right before "and N others", a group's name that ends on a number: "the Minsk Eight"."""
FREED_THEN_ALONG = re.compile(r"\s*(?:has|have|had|was|were)\s+(?:also\s+)?(?:been\s+)?(?:freed|released|pardoned)\b"
                              r"[^,;.\d]{0,50}?,?\s+$")
"""Between a person and "along with 123 political prisoners", the person's own freeing: "has been freed from prison"."""


def _freed_along_with(ctx: Context, sentence: Sentence, figure: Figure, before: re.Match) -> tuple[int, str, int] | None:
    """For "X was freed from jail along with 38 political prisoners" (no "other"): X, named just before the
    freeing that the count follows (not "Belarus freed 14 prisoners, along with 3 Ukrainians", nor "X was arrested
    along with 13 activists"), and the count: N + 1 in all."""
    along = figure.start - len(before.group(0))
    people = persons(ctx, sentence)
    named = people[max(0, bisect.bisect_right(people, along, key=lambda p: p.end) - 2):][:2]
    named = [p for p in named if p.end <= along]
    person = named[-1] if named else None
    if person is None or len(named) > 1 and re.fullmatch(r"\s*,?\s*and\s*", ctx.text[named[-2].end:person.begin]):
        return None  # "A and B were freed along with 12": two and the count
    relation = RELATION_OF.search(ctx.text, max(sentence.start, person.begin - 60), person.begin)
    noun = COUNTED_NOUN.match(ctx.text, figure.end, sentence.end)
    if re.match(rf"\s+(?:and|plus)\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                rf"(?:[\w-]+\s+){{0,2}}?(?:{ADJECTIVES}{PEOPLE}|[A-Z][a-z]+(?:s|\s+(?:citizens?|nationals?)))\b",
                ctx.text[noun.end():sentence.end]):
        return None  # "along with 13 prisoners and 2 Ukrainians": more than the count (not "and 2 months later")
    after = after_apposition(ctx.text, person.end, along)
    if not FREED_THEN_ALONG.fullmatch(ctx.text, after, along):
        return None
    start = relation.start() if relation else person.start  # "The wife of X has been freed along with 13": she and 13
    return start, f"{ctx.text[start:person.end]} and {figure.value} others", noun.end()


WHERE_THEY_ARE = re.compile(rf"\s*,?\s*(?:{NOW_IN}|(?:are|were|is|was)\s+in|(?:(?:have|has|had)\s+)?{MOVED})\b", re.IGNORECASE)
"""After "X and N others", where they are or went, not a freeing: "are already in Poland", "were in Poland after
being freed", "arrived in Vilnius"."""


def _one_and_more(ctx: Context, sentence: Sentence, figure: Figure, before: re.Match | None) -> bool:
    """True for "X and 12 more prisoners": one person named right before "and", not after another ("A and B and 12
    more"), nor one arrested or one whose freeing is still to come ("would be freed next week")."""
    if not before or before.group(0).split()[-1] != "and":
        return False
    at = figure.start - len(before.group(0))
    person = next((p for p in reversed(persons(ctx, sentence)) if p.end <= at), None)
    if person is None or ctx.text[person.end:at].strip() or \
            re.search(r"(?:\band|,)\s*$", ctx.text[max(sentence.start, person.begin - 6):person.begin]):
        return False
    return not re.search(r"\b(?:arrest\w*|detain\w*|jail\w*|sentenc\w*|convict\w*)\s+(?:\w+\s+){0,3}$",
                         ctx.text[max(sentence.start, person.begin - 40):person.begin]) and \
        not re.search(r"\b(?:would|will|to\s+be|are\s+to|expected)\b", ctx.text[figure.end:sentence.end])


INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+(?:[\w’'-]+\s+){0,6}$", re.IGNORECASE)
"""Before "A and 13 others", the word that makes them a part of a count before it."""
NATIONALS = r"(?P<nationals>[A-Z][a-z]+s)\b"
"""A plural demonym after "other": "X and two other Americans"."""


def _among_the_held(ctx: Context, sentence: Sentence, figure: Figure, end: int) -> bool:
    """True for a count the freed were among, of people it describes as held, in a sentence that frees no one: "The trio
    were among some three dozen foreigners held in Belarus" (not "Among them were two Lithuanians held in Minsk": of the
    freed)."""
    return not sentence.freeing() and bool(AMONG_BEFORE.search(ctx.text, max(sentence.start, figure.start - 30),
                                                                figure.start)) and bool(HELD_PARTICIPLE.match(ctx.text, end))


AMONG_BEFORE = re.compile(r"\bamong(?:st)?\s+(?:(?:some|about|around|roughly|nearly|almost|the|more\s+than|over)\s+)*$",
                          re.IGNORECASE)
HELD_PARTICIPLE = re.compile(r"\s+(?:(?:still|currently|now|being)\s+)*(?:jailed|detained|held|imprisoned|incarcerated|"
                             r"behind\s+bars|in\s+(?:prison|jail|custody|detention))\b", re.IGNORECASE)
"""After a group's noun, words that describe those counted as held: "three dozen foreigners held in Belarus"."""
ONLY_WHEN = re.compile(r"(?:\s+(?:on|in|at|after|following|who|from|to|last|this|early|late|yesterday|today|overnight|"
                       r"earlier|later|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       r"jailed|detained|held|imprisoned|arrested|convicted|sentenced)\b"
                       r"(?:(?!\b(?:among|along|as\s+well|together|including|plus|besides)\b|\band\s+(?-i:[A-Z]))[^,;.\n])*)?"
                       r"\s*(?:[,.;\n]|$)", re.IGNORECASE)
"""After a count of one nationality, only when or where it happened, or a description of those counted, before the clause
ends ("... two Polish detainees on Monday after a border handover, officials said", "three Latvian citizens held
in unrelated cases", "22 Ukrainian citizens who had been convicted of sabotage"), not "among dozens of prisoners",
"along with ..."."""


NOT_DONE_BEFORE = re.compile(r"\b(?:not|n[’']t|never|refused\s+to|declined\s+to|did\s+not)\s+(?!only\b)(?:yet\s+)?"
                             r"(?:\w+\s+)?$",
                             re.IGNORECASE)
"""Before a freeing's verb, words that leave it undone: "has not granted pardon to", "never freed"."""
MORE_FREED = re.compile(r"\b(?:also|too|as\s+well|(?:along|together)\s+with|alongside|plus|besides|including|freed|"
                        r"released|pardoned)\b", re.IGNORECASE)
"""In an event's clause after a count of one nationality, words that free more than them: "following talks at which a
Polish priest was also freed", "following a deal that freed the priest A"."""
LARGER_GROUP = re.compile(r"\b(?:group|part|most|among|amnesty|dozens|hundreds|scores|others?|rest)\b", re.IGNORECASE)
"""In a "who" or "following" clause after a count of one nationality, words of a larger group the count is part of:
"who were part of a group of 40", "following a wider amnesty covering 300 prisoners"."""
CLAUSE_REACH = 400
"""How far after a count of one nationality its clause is read for others beside them: a window, so that a sentence of
many counts is read once."""
BESIDE_THEM = re.compile(r"\b(?:among|along\s+with|alongside|together\s+with|(?:with|beside)\s+them|as\s+well|"
                         r"also(?!\s+(?:holds?|known|called|named)\b)|too|plus|"
                         r"besides|including|"
                         r"(?:and|with)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|other|others|several|"
                         r"dozens|hundreds|a\s+group|fellow)\b)", re.IGNORECASE)
"""Words that put others beside a count of the freed, in its sentence or in another's freeing: "two Americans, among
dozens of prisoners", "... and a Lithuanian journalist", "Also freed was X", "X was freed as well" (not "X, who also
holds Irish nationality, ... were freed": what X has)."""


NOT_A_DATELINE = re.compile(r"\b(?:Read|Watch|Related|More|Also|Fact|Check|Update|Updated|Breaking|Editor|Note|"
                            r"Elsewhere|Meanwhile|News|Opinion|Analysis|Exclusive|Live|Video|Photos?|Latest|Summary)\b")
"""Words of a label that opens a line as a dateline would ("Read More:", "Fact Check:"), never a place."""


def totals_of_one_nationality(ctx: Context, sentences: list[Sentence]) -> None:
    """After the page is read: "China released three American detainees on Wednesday": a count of one nationality that
    is the whole object of a freeing is the release's total too, where the page gives that release no other total,
    counts no other group beside it ("released 14 Lithuanian citizens and 38 Belarusians" gives no total) and frees
    no one "also"."""
    ctx.current_rule = "released-count"
    counted = [d for d in ctx.drafts if d.property == "released_count" and d.rule == "subgroup-count" and d.population and
               d.qualifier == "exact" and isinstance(d.value, int)]
    if not counted:
        return
    starts = [sentence.start for sentence in sentences]

    def sentence_of(offset: int) -> Sentence:  # the page's sentence holding an offset (drafts quote within one)
        return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]

    others = {d.value for d in ctx.drafts if d.property == "released_in" and BESIDE_THEM.search(sentence_of(d.start).text)}
    first_prose = next((sentence for sentence in sentences if not sentence.heading), None)
    counts: dict[str, set] = {}  # each release's populations counted on the page (None: its total)
    in_prose: dict[tuple, list] = {}  # the counts of each population and value the prose gives
    for d in counted:
        if not sentence_of(d.start).heading:
            in_prose.setdefault((d.population, d.value), []).append(d)
    of_population: dict[tuple, list] = {}  # each release's counts of each population (None: its totals)
    for d in (d for d in ctx.drafts if d.property == "released_count"):
        counts.setdefault(d.subject, set()).add(d.population)
        of_population.setdefault((d.subject, d.population), []).append(d)
    for draft in counted:
        end = draft.end
        verb = re.search(r"\b(?:freed|released|frees|releases|pardoned|pardons|(?:granted|grants|gave|given)\s+"
                         r"(?:an?\s+)?(?:(?:presidential|full|royal|complete)\s+){0,2}"
                         r"(?:pardons?|clemency|amnesty)\s+to)\s+$",
                         ctx.text[max(0, draft.start - 60):draft.start], re.IGNORECASE)  # "granted pardon to"
        at = max(0, draft.start - 60) + verb.start() if verb else 0  # where the verb begins in the text
        if verb and NOT_DONE_BEFORE.search(ctx.text, max(0, at - 80), at):
            continue  # "has not granted pardon to 22 Ukrainian citizens": no freeing
        if verb and sentence_of(draft.start).heading and not any(
                not BESIDE_THEM.search(ctx.text, other.end, sentence_of(other.start).end)
                for other in in_prose.get((draft.population, draft.value), [])):
            continue  # a headline's "Frees Three Polish Citizens" gives the total only when the text counts them so too,
            # with no one beside them (not "... Citizens, Lithuanian Priest", nor "The three were among dozens freed")
        noun = re.match(rf"\s+{PEOPLE}\b", ctx.text[end:end + 40], re.IGNORECASE)
        end += noun.end() if noun else 0
        if sentence_of(draft.start).heading and re.match(r"\s*(?:,|&|and\b)", ctx.text[end:end + 6]):
            continue  # "Minsk Frees Three Polish Citizens, Lithuanian Priest": a headline's others beside them
        opening = re.fullmatch(r"\W*(?:[A-Z]{2,}[^–—-]{0,40}[–—-]\s*|(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}):\s+)?",
                               ctx.text[sentence_of(draft.start).start:draft.start])
        if opening and opening.group("place") and (sentence_of(draft.start) is not first_prose or
                                                   NOT_A_DATELINE.search(opening.group("place"))):
            opening = None  # "Elsewhere: Two Americans ...", "Read More: ...": a label, no dateline (only the first
            # sentence of the prose may open with one)
        if verb is None and opening:
            # "WARSAW (Reuters) – Three Belarusian bloggers arrested in 2022 ... have been granted a full
            # pardon", "New Delhi: Eight ...": the count is the subject of a passive freeing that its sentence opens with
            verb = PASSIVE_AFTER.match(ctx.text, end, sentence_of(draft.start).end)
            if verb is not None:
                end = verb.end()
        if verb is None or not _nationality(ctx, draft.population) or \
                re.match(r"(?:\s+[\w-]+)?\s*(?:,|and\b|as\s+well\s+as\b)\s*(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b|"
                         r"six\b|seven\b|eight\b|nine\b|ten\b|[a-z]+teen\b|[a-z]+ty\b)", ctx.text[end:end + 40], re.IGNORECASE):
            continue
        besides = {p for p in counts.get(draft.subject, set()) - {draft.population}
                   if not _among_them(ctx, draft, of_population.get((draft.subject, p), []))}
        besides |= {d.population for d in counted if d.subject == draft.subject and d.population == draft.population
                    and (d.value > draft.value or d.value != draft.value and d.start < draft.start)}
        # ("seven Americans" and, further on, "eight Americans": neither is all of them; "five Americans" later: some)
        clause_end = min(sentence_of(draft.start).end, end + CLAUSE_REACH)
        when = ONLY_WHEN.match(ctx.text, end, clause_end)
        when = None if when and when.end() >= clause_end and clause_end < sentence_of(draft.start).end else when
        # (an event's clause speaks of others than the freed, "following talks with an envoy", but not of more freed:
        # "following talks at which a Polish priest was also freed")
        event = when is not None and re.match(r"\s+(?:after|following)\b", when.group(0), re.IGNORECASE) is not None
        # (a "who" or event clause that names a larger group: "who were part of a group of 40")
        described = when is not None and re.match(r"\s+(?:after|following|who)\b", when.group(0), re.IGNORECASE)
        larger = described and (LARGER_GROUP.search(when.group(0)) or
                                any(when.start() <= f.start < when.end() for f in sentence_of(draft.start).figures))
        if not when or event and MORE_FREED.search(when.group(0)) or larger or \
                BESIDE_THEM.search(ctx.text, when.end() if event else end, clause_end) or \
                draft.subject in others or besides:
            continue  # another total, another group, others beside them, or someone "also freed": more were freed
        begin = draft.start if verb.start() >= draft.start else draft.start - len(verb.group(0))
        total = ctx.add("released_count", "count", draft.value, begin, end, subject=draft.subject,
                        note=f"all {draft.value} freed are of one nationality ({draft.population})")
        counts[draft.subject].add(None)
        of_population.setdefault((draft.subject, None), []).extend([total] if total else [])
        _nationality_of_the_named(ctx, draft, begin, end)


def _among_them(ctx: Context, count, parts: list) -> bool:
    """"freed seven jailed Americans ... the group included five American oil workers": a group's counts that are
    no more than the nationality's and are said of it (its name or a spelling of it in their quotes) are some of them,
    no others beside them (not "two priests", nor "eight American oil executives")."""
    group = ctx.registry.entities.get(count.population)
    words = [w for w in ((group.name,) + tuple(group.aliases) if group else ()) if w]
    return bool(parts) and all(
        isinstance(part.value, int) and part.value <= count.value and
        any(re.search(rf"\b{re.escape(w)}\b", str(part.quote), re.IGNORECASE) for w in words) for part in parts)


PASSIVE_AFTER = re.compile(rf"(?:(?!\b(?:said|says|told|reported|that|which)\b|\bwho\b(?!{HELD_BEFORE}))"
                           r"(?!\b\d[\d,]*\s+(?:[a-z]+\s+){0,2}(?:prisoners|people|detainees|inmates)\b)[^.;:]){0,160}?"
                           rf"\b(?:were|have\s+been|had\s+been)\s+(?:also\s+)?(?:(?:freed|released|pardoned|set\s+free)\b|"
                           rf"{GRANTED_PARDON})")
"""After a count that opens its sentence, the passive freeing it is the subject of (past a relative clause of their
arrest: "Eight teachers who were jailed in Minsk have been freed")."""


def _nationality_of_the_named(ctx: Context, count, start: int, end: int) -> None:
    """"China released three Canadian detainees ... A, B and C were released": when the page names no more of a release
    of one nationality alone than its count, each of them is of that nationality."""
    country = _nationality(ctx, count.population)
    named = sorted({d.subject for d in ctx.drafts if d.property == "released_in" and d.value == count.subject})
    if len(named) > count.value or not named or any(d.property == "nationality" and d.subject in named and d.value != country
                                         for d in ctx.drafts):
        return  # "two Canadian detainees ... A and B, a British citizen": the page says otherwise of one of them
    rule, ctx.current_rule = ctx.current_rule, "nationality"
    for person in named:
        if not any(d.property == "nationality" and d.subject == person for d in ctx.drafts):
            ctx.add("nationality", "entity", country, start, end, subject=person, review="implied-count",
                    note=f"one of the {count.value} freed, all of one nationality")
    ctx.current_rule = rule


def _nationality(ctx: Context, group: str) -> str | None:
    """The country whose nationals a group is: the registry's, or the one a drafted proposal names."""
    entity = ctx.registry.get(group)
    if entity is not None:
        return entity.nationality
    return ctx.proposals.get("groups", {}).get(group, {}).get("nationality")


def _who_before(ctx: Context, sentence: Sentence, end: int) -> int:
    """Where the one freed with the others is named: the person, or the word for them, just before."""
    person = next((p for p in reversed(persons(ctx, sentence)) if p.end <= end and
                   re.fullmatch(r"[\s,]*(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:\w+\s+){0,2}?", ctx.text[p.end:end])),
                  None)
    if person:
        return person.start
    word = re.search(r"\b[a-z][\w-]*\s*$", ctx.text[sentence.start:end])
    return sentence.start + word.start() if word else end


BREAKDOWN = re.compile(r"\s+(?P<of>of\s+(?:the|those)\s+(?:freed|released|pardoned|prisoners|chosen|amnestied|selected)(?:\s+\w+)?\s+|"
                       r"of\s+them\s+)?(?:were|was|are|is)\s+(?:(?:reportedly|(?:said|believed|thought)\s+to\s+be)\s+)?"
                       r"(?:an?\s+)?(?P<noun>[A-Z][a-z]+(?:\s+(?:citizens?|nationals?))?|"
                       r"foreigners|foreign\s+(?:nationals|citizens))\b")
ONE_WAS = re.compile(r"\b[Oo]ne\s+(?:of\s+(?:the|those)\s+(?:freed|released|pardoned)\s+)?(?:was\s+an?|is(?:\s+an?)?)\s+"
                     r"(?P<noun>[A-Z][a-z]+(?:\s+(?:citizen|national))?)\b")


@rule("breakdown")
def breakdown(ctx: Context, sentence: Sentence) -> None:
    """A count of the freed by nationality: "Four of the freed were Latvians", "two were Germans", "one was
    a Japanese citizen", "Twenty-three were Belarusians", "Five of them are Lithuanian, ..., one is French"
    (about the freed the sentence or the one before speaks of)."""
    if not (sentence.freeing() or ctx.previous_freeing or re.search(r"\bof\s+the\s+freed\b", sentence.text)):
        return
    for figure in _free(ctx, sentence):
        match = BREAKDOWN.match(ctx.text, figure.end, sentence.end)
        if match and match.group("noun").startswith("foreign") and not match.group("of"):
            match = None  # "12 prisoners, of which three were foreigners": only "N of those freed are foreigners"
        population = group_of(ctx, match.group("noun")) if match else None
        if population:
            _count(ctx, "released_count", figure, figure.start, match.end(), clause_release(ctx, sentence, figure.start),
                   population=population)
    for match in ONE_WAS.finditer(sentence.text):  # "one was a Japanese citizen": "one" is no figure on its own
        population = group_of(ctx, match.group("noun"))
        release = clause_release(ctx, sentence, sentence.start + match.start())
        if population and release:
            ctx.add("released_count", "count", 1, sentence.start + match.start(), sentence.start + match.end(),
                    subject=release, population=population)


LISTED_REACH = 1500
"""How far after a total the totals of other releases the sentence lists are looked for."""
LISTED_TAIL = re.compile(rf"(?:\s+{ADJECTIVES}{PEOPLE})?\s*(?:[.,;]|$)")
"""After a listed total, its noun at most, then the clause's end."""


def _listed_releases(ctx: Context, sentence: Sentence, first: Figure) -> None:
    """"In June, more than 30 were released, and on Sept. 11 between 20 and 25": after a total, each
    later figure of the sentence that has a date of its own beside it is the total of that release."""
    for figure in (f for f in _free(ctx, sentence) if first.end < f.start <= first.end + LISTED_REACH):
        # (the clause before each later figure is read from the last comma or semicolon before it, and its dates found
        # by bisection: a sentence of thousands of totals, each read from the total on, made this the cube of it; and
        # only within LISTED_REACH of the total, or a sentence of thousands of totals made it the square)
        cut = max(ctx.text.rfind(",", first.end, figure.start), ctx.text.rfind(";", first.end, figure.start), first.end)
        segment = re.search(r"(?:,|;|\band\b)\s*(?P<rest>[^,;]*)$", ctx.text[cut:figure.start])
        if segment is None:
            continue
        date = next((d for d in sentence.dates_within(figure.start - len(segment.group("rest")), figure.start)
                     if d.value and len(d.value) >= 7), None)
        if date is None or not LISTED_TAIL.match(ctx.text, figure.end, sentence.end) or ctx.taken(date):
            continue
        if RUNNING_TOTAL.search(segment.group("rest")):
            continue  # "..., the total freed since July has risen to over 300": a running total, no release of July
        release = release_for(ctx, date.value)
        ctx.take(date)
        ctx.add("date", "date", date.value, date.start - 3 if ctx.text[date.start - 3:date.start] == "on " else date.start,
                figure.end, subject=release)
        _count(ctx, "released_count", figure, date.start, figure.end, release)


def _actor_start(ctx: Context, sentence: Sentence, verb: int) -> int:
    """Include who frees in the quote ("Belarus freed ...", "President X had pardoned ...")."""
    window = ctx.text[max(sentence.start, verb - 60):verb]
    match = re.search(r"(?:\b[A-Z][\w'’.-]*\s+){1,4}(?:(?:on|last|this)\s+[A-Z]\w+day\s+)?(?:(?:has|have|had|will|would)\s+)?$",
                      window)
    return verb - len(window) + match.start() if match else verb


def _another(ctx: Context, begin: int) -> int:
    match = re.search(r"\b(?:Another|another)\s+$", ctx.text[max(0, begin - 9):begin])
    return begin - 9 + match.start() if match and begin >= 9 else begin
