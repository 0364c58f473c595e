"""Counts about a country rather than a release: political prisoners still held, people ever
recognized as political prisoners; and counts the vocabulary names by their noun ("three
additional aircraft" is an `aircraft_count` when the vocabulary has one).

A count about a country goes to the country named in its clause, else to the country the
article names most.
"""

from __future__ import annotations

import re

from .context import Context, Sentence, rule
from . import deals  # noqa: F401 - a release's day, talks, pardons and envoys register before these counts
from .places import country_of
from .releases import _count, _free
from .subjects import clause_release, sanction_named

HELD = (r"(?:remain|remained|are\s+still|were\s+still|still|are\s+(?:now\s+)?held|are\s+(?:now\s+)?behind|"
        r"are\s+(?:now\s+)?in|continue\s+to\s+be|languish)")
PRISONERS = r"(?:political\s+prisoners|prisoners\s+of\s+conscience)"


HOLDER_OPENS = re.compile(r"(?:.*?\bthat\s+|\W*)(?:(?:and|but|while|as|now|today|currently|still)\s+)*", re.IGNORECASE)
"""Before a country that holds political prisoners, what may open its clause: "By this count, Belarus is holding",
"reported that Estonia was holding"."""
HOLDS_ALL = re.compile(rf"\s+{PRISONERS}(?=\s*(?:[,.;:!?)]|$)|\s+(?:according|behind\s+bars|as\s+of|in\s+total|in\s+"
                       rf"(?:its|the\s+country[’']s)\s+(?:prisons|jails)|in\s+the\s+country)\b)", re.IGNORECASE)
"""After "holds N", all of the country's political prisoners: the clause ends, or where they are held in the country."""
PAST_HOLDING = re.compile(r"\b(?:before|until|earlier|previously|once|in\s+(?:19|20)\d\d|(?:19|20)\d\d)\b", re.IGNORECASE)
"""Before the country that held them, a time other than now: "In 2021, Belarus was holding", "Before the pardon, ..."."""
HOLDS = re.compile(r"(?P<verb>\s+(?:still\s+|now\s+|currently\s+)?(?:holds|is\s+(?:still\s+|now\s+|currently\s+)?holding|was\s+holding|"
                   r"continues\s+to\s+hold))\s+(?:(?:about|approximately|around|roughly|some|nearly|almost|over|more\s+than|"
                   r"at\s+least|an\s+estimated|well\s+over)\s+)?$", re.IGNORECASE)
"""Between a country and a count of political prisoners, its holding them: "Estonia still holds", "Belarus is holding"."""
FOR_POLITICS = (r"(?:(?:just\s+|only\s+|solely\s+|simply\s+)?(?:on\s+political(?:ly\s+motivated)?\s+charges|for\s+(?:their\s+)?"
                r"political\s+(?:reasons|activities|activity|views|beliefs)|for\s+(?:voicing\s+)?dissent"
                r"(?:\s+against\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?))")
"""After people held, why: "on political charges", "for political activities", "solely for their political views",
"for dissent against the ruling party"."""
HELD_IN = r"(?:held|jailed|imprisoned|detained|behind\s+bars|in\s+(?:prison|jail|custody))"
"""Where or how people are held: "jailed", "behind bars", "in prison"."""
LEAVES = re.compile(r"\b(?:the|this|that|its|his|their)\s+(?:[\w-]+\s+){0,2}(?:pardon|release|amnesty|freeing|move)\s+"
                    r"(?:(?:still|also|nonetheless)\s+)?leaves\s+(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|"
                    r"at\s+least|an\s+estimated)\s+)?$", re.IGNORECASE)
"""Before a count, the page's release that leaves them held: "this latest pardon still leaves some 860 people behind
bars" (now, not "the amnesty left"; the release itself, not "freed 10 of the 40, leaving 30")."""


def _left_held(ctx: Context, sentence: Sentence, figure) -> bool:
    """True when the page's release leaves the counted held, in a clause that names no other country ("Russia's amnesty
    leaves some 700 people behind bars" is Russia's) and no year ("In 2021, the amnesty leaves")."""
    start = sentence.clause(figure.start)[0]
    if not LEAVES.search(ctx.text, max(start, figure.start - 80), figure.start):
        return False
    if re.search(r"\b(?:19|20)\d\d\b|\blast\s+year\b", ctx.text[sentence.start:figure.start]):
        return False
    return not _other_country_named(ctx, sentence, start, figure.start) and \
        not any(country_of(ctx, word) not in (None, ctx.country)
                for word in re.findall(r"\b[A-Z][a-z]+(?=[’']s\b)", ctx.text[start:figure.start]))


THERE_ARE = re.compile(r"\bthere\s+(?:are|remain)\s+(?:still\s+|now\s+|currently\s+)?(?:(?:some|about|around|roughly|nearly|"
                       r"almost|more\s+than|over|at\s+least|an\s+estimated|close\s+to)\s+)?$", re.IGNORECASE)
"""Before a count of political prisoners, words that say they are there now: "There are about 930 political prisoners
held in Belarus", "there are still some 640 political prisoners in the country"."""
THERE_HELD = re.compile(rf"\s+(?:{PRISONERS}(?:\s+(?:still\s+)?{HELD_IN})?|(?:people|persons|individuals)\s+(?:still\s+)?"
                        rf"{HELD_IN}(?:\s+in\s+(?P<within>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?\s+{FOR_POLITICS})"
                        r"(?:\s+in\s+(?P<where>the\s+country|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?"
                        r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:including|among\s+them|according)\b)")
"""After "there are N", all that may follow for the count to be of everyone held: where they are held, and the clause's
end ("political prisoners jailed in Belarus including A"; not a part of them, "... with serious illnesses", "... on
hunger strike", nor the freed, "... among those freed", nor those to be freed, "... who will be set free")."""

def _other_country_named(ctx: Context, sentence: Sentence, begin: int, end: int) -> bool:
    """True when a place of another country than the page's is named between `begin` and `end` ("Russia's amnesty
    leaves ...", "In neighbouring Russia there are ...")."""
    return any(begin <= n.start < end and n.entity and ctx.registry.kind(n.entity) == "place" and
               ctx.registry.top(n.entity) != ctx.country for n in sentence.names)


OF_THE_FREED = re.compile(r"\b(?:of|among)\s+(?:(?:those|the)\s+(?:freed|released|pardoned)|them)\W{0,3}$", re.IGNORECASE)
"""Before a count, words that make it a part of the freed ("Of those released, 12 ...")."""


@rule("political-prisoner-count")
def remaining(ctx: Context, sentence: Sentence) -> None:
    """Prisoners still held: "Almost 870 political prisoners still languish in Belarus",
    "Over 520 remain imprisoned", "the rights group counted 1,046 political prisoners"."""
    for figure in _free(ctx, sentence):
        after = ctx.text[figure.end:sentence.end]
        politics = re.match(rf"\s+(?:people|persons|individuals)\s+(?:are|remain)\s+(?:still\s+)?(?:\w+ly\s+)?{HELD_IN}"
                            rf"(?:\s+in\s+(?P<where>[A-Z][\w-]*))?\s+{FOR_POLITICS}[^.;,]*", after)
        if politics and not _held_for_politics_here(ctx, sentence, figure, politics):
            continue  # "About 300 people remain jailed in Azerbaijan for political reasons" (a place the page's registry
            # does not know), "In Russia, ...", "... detained for their political activities after Sunday's protest"
        held = re.match(rf"\s+(?:{PRISONERS}\s+(?:\w+\s+){{0,2}}?)?{HELD}\b[^.;,!?“”\"]*", after) or politics or \
            (_left_held(ctx, sentence, figure) and
             re.match(rf"\s+(?:people|persons|individuals|prisoners)\s+(?:behind\s+bars|in\s+(?:prison|jail|custody)|jailed|"
                      rf"imprisoned)\s+{FOR_POLITICS}[^.;,]*", after)) or \
            re.match(rf"\s+(?:people|persons|individuals)\s+(?:in\s+[A-Z][\w-]*\s+)?(?:are|were|remain)\s+(?:still\s+)?"
                     rf"(?:considered|recogni[sz]ed\s+as|deemed)\s+{PRISONERS}\b", after) or \
            re.match(rf"\s+(?:people|persons|individuals|prisoners)\s+(?:imprisoned|jailed|held|detained)\s+(?:on\s+political\s+"
                     rf"charges|for\s+political\s+reasons)\s+(?:are|remain)\s+(?:still\s+)?(?:being\s+)?(?:held|in\s+prison|"
                     rf"behind\s+bars|imprisoned|jailed|detained)\b", after) or \
            re.match(rf"\s+{PRISONERS}\s+(?:currently|still|now)\s+(?:held|detained|jailed|imprisoned|behind\s+bars)"
                     rf"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?(?=\s*(?:[,.;:!?)]|$)|\s+(?:were|are|was|is|remain|have|"
                     rf"had)\b)", after)  # "the 873 political prisoners now held in Estonia were ..." (all of them; not
        # "... now held in Minsk's prison include three women", "... held incommunicado", "... who are Polish citizens")
        # "until all of the country's roughly 780 political prisoners are freed", "the release of all 615 political
        # prisoners": all of them, the count of those held
        every = re.search(r"\ball\s+(?:of\s+)?(?:the\s+(?:country|nation)[’']s\s+|the\s+)?$",
                          ctx.text[max(sentence.start, figure.start - 40):figure.start])
        political = re.match(r"\s+political\s+prisoners\b", after)
        goal = every and (re.search(r"\b(?:until|unless|demand\w*|call\w*\s+for|urg\w*|seek\w*|sought|press\w*\s+for)\b",
                                    ctx.text[sentence.clause(figure.start)[0]:figure.start], re.IGNORECASE) or
                          re.match(r"\s+political\s+prisoners\s+(?:\w+\s+){0,3}?(?:are|is|be)\s+(?:\w+\s+)?(?:freed|released)\b",
                                   after))
        if every and political and goal:  # (not "Belarus freed all 14 political prisoners named in the deal": a release)
            _count(ctx, "political_prisoner_count", figure, figure.start - len(every.group(0)), figure.end + political.end(),
                   ctx.country)
            continue
        # "urged the freeing of a further 340 prisoners": those still held, in a call for their freedom
        further = re.search(r"\b(?:release|freedom|freeing)\s+of\s+(?:a\s+further|the\s+remaining|the\s+other|another)\s+$",
                            ctx.text[max(sentence.start, figure.start - 40):figure.start]) or \
            re.search(r"\b(?:to\s+)?free\s+(?:the\s+remaining\s+|another\s+)$", ctx.text[max(sentence.start, figure.start - 30):figure.start]) or \
            (re.match(r"\s+(?:other|remaining)\b", after) and  # "a campaign to free 300 other detainees"
             re.search(r"\b(?:to\s+free|(?:release|freedom)\s+of)\s+$", ctx.text[max(sentence.start, figure.start - 30):figure.start]))
        if further and re.match(rf"\s+(?:(?:other|remaining|political)\s+)*(?:{PRISONERS}|prisoners|detainees)\b", after):
            held = re.match(rf"\s+(?:(?:other|remaining|political)\s+)*(?:{PRISONERS}|prisoners|detainees)\b", after)
            where = re.match(r"\s+in\s+", after[held.end():])  # "... other detainees in Belarus": that country's
            place = next((n for n in sentence.names if where and n.start == figure.end + held.end() + where.end() and
                          n.entity and ctx.registry.kind(n.entity) == "place"), None)
            _count(ctx, "political_prisoner_count", figure, figure.start - len(further.group(0)),
                   place.end if place else figure.end + held.end(), ctx.registry.top(place.entity) if place else ctx.country)
            continue
        # "to release more than 150 political prisoners - out of some 9,000 in jail since 2019": the political
        # prisoners held, of whom those are freed
        pool = re.match(r"\s+(?:political\s+prisoners\b|(?:in\s+(?:jail|prison)|behind\s+bars)\b(?!\s+nationwide))", after)
        out_of = re.search(rf"{PRISONERS}\W{{0,4}}\bout\s+of\s+(?:(?:more\s+than|over|some|about|nearly|almost|at\s+least)"
                           rf"\s+)?$", ctx.text[max(sentence.start, figure.start - 60):figure.start])
        if pool and out_of:
            _count(ctx, "political_prisoner_count", figure, figure.start, figure.end + pool.end(), ctx.country)
            continue
        if held and OF_THE_FREED.search(ctx.text, max(sentence.start, figure.start - 40), figure.start):
            continue  # "Of those released, 12 people were considered political prisoners": the freed, not those held
        counted = re.search(r"\b(?:counted|counts|lists|listed|recogni[sz]es|tallied|numbered)\s+$",
                            ctx.text[max(sentence.start, figure.start - 20):figure.start])
        holding = HOLDS.search(ctx.text, max(sentence.start, figure.start - 80), figure.start)
        if counted:
            held = re.match(rf"\s+{PRISONERS}", after)
        elif holding and not held and re.match(rf"\s+{PRISONERS}", after):
            # "Estonia still holds over 700 political prisoners": the country the verb follows holds them
            holder = next((n for n in sentence.names if n.end == holding.start("verb")
                           and n.entity and ctx.registry.kind(n.entity) == "place"), None)
            before = sentence.text[:holder.start - sentence.start] if holder is not None else ""
            opening = before[max((m.end() for m in re.finditer(r"[,;:]", before)), default=0):]  # the clause's words
            all_held = HOLDS_ALL.match(after)
            if holder is not None and HOLDER_OPENS.fullmatch(opening) and all_held and \
                    not PAST_HOLDING.search(ctx.text, sentence.start, holder.start):
                # (the country opens its clause, not "A penal colony near Minsk holds", "The colony in Belarus holds";
                # all of them, not "holds 14 political prisoners from Poland", "... in solitary confinement"; now, not
                # "In 2021, Belarus was holding", "Before the pardon, ...")
                _count(ctx, "political_prisoner_count", figure, holder.start, figure.end + all_held.end(),
                       ctx.registry.top(holder.entity))
            continue
        there = THERE_ARE.search(ctx.text, max(sentence.start, figure.start - 40), figure.start)
        if there and not held:
            # "There are about 930 political prisoners held in Belarus": those held now, where the page frees
            held = _held_here(ctx, sentence, figure, there.start())
            counted = counted or (there if held else None)
        if not held or (not counted and not re.match(rf"\s+{PRISONERS}", after) and
                        not re.search(r"imprisoned|behind\s+bars|in\s+(?:prison|jail)|jailed|in\s+custody|detained|political|dissent",
                                      held.group(0))):
            continue
        place = next((n for n in sentence.names if n.entity and ctx.registry.kind(n.entity) == "place" and
                      figure.end <= n.start <= figure.end + held.end()), None)
        if place is not None:
            subject = ctx.registry.top(place.entity)
        else:  # "remain in Azerbaijani jails": the demonym says whose prisons
            prisons = re.search(r"\bin\s+(?P<adj>[A-Z][a-z]+)\s+(?:prisons?|jails?|penal\s+colonies|custody|detention)\b",
                                held.group(0))
            subject = (country_of(ctx, prisons.group("adj")) if prisons else None) or ctx.country
        begin = figure.start - len(counted.group(0)) if counted else figure.start
        finish = place.end if place else figure.end + held.end()
        _count(ctx, "political_prisoner_count", figure, _who(ctx, sentence, begin), finish, subject)


def _held_for_politics_here(ctx: Context, sentence: Sentence, figure, held: re.Match) -> bool:
    """True when "N people remain jailed ... for political reasons" counts those the page's country holds: the place it
    names, if any, is one the registry knows, no other country is named before the count in its clause, and no event
    after which they were held ("... detained for their political activities after Sunday's protest")."""
    if held.group("where") is not None and not _known_place_at(ctx, sentence, figure.end + held.start("where")):
        return False
    if _other_country_named(ctx, sentence, sentence.clause(figure.start)[0], figure.start):
        return False
    return not re.search(r"\b(?:after|following|since)\b", held.group(0), re.IGNORECASE)


def _held_here(ctx: Context, sentence: Sentence, figure, start: int) -> re.Match | None:
    """What follows "there are N" (`THERE_HELD`, matched on the text after the figure) when it counts those the page's
    country holds: its clause names no other country before the count ("In neighbouring Russia there are ...") and its
    place after, if any, is a place the registry knows ("... in Azerbaijan" with no such entry is no count of the page's
    country)."""
    if _other_country_named(ctx, sentence, sentence.clause(figure.start)[0], start):
        return None
    held = THERE_HELD.match(ctx.text[figure.end:sentence.end])
    group = "where" if held is not None and held.group("where") is not None else "within"
    if held is None or held.group(group) is None or held.group(group) == "the country":
        return held
    return held if _known_place_at(ctx, sentence, figure.end + held.start(group)) else None


def _known_place_at(ctx: Context, sentence: Sentence, offset: int) -> bool:
    """True when a place the registry knows is named at `offset` ("... in Azerbaijan", no such entry: False)."""
    return any(n.start == offset and n.entity and ctx.registry.kind(n.entity) == "place" for n in sentence.names)


def _who(ctx: Context, sentence: Sentence, begin: int) -> int:
    match = re.search(r"(?:\b[A-Z][\w'’.-]*\s+){1,3}$", ctx.text[max(sentence.start, begin - 40):begin])
    return begin - len(match.group(0)) if match else begin


@rule("recognized-count")
def recognized(ctx: Context, sentence: Sentence) -> None:
    """People ever recognized as political prisoners: "5,120 people have been recognized as political prisoners"."""
    for figure in _free(ctx, sentence):
        match = re.match(rf"\s+(?:people|persons|individuals)\s+(?:have|had)\s+been\s+recogni[sz]ed\s+as\s+{PRISONERS}",
                         ctx.text[figure.end:sentence.end])
        if match:
            _count(ctx, "political_prisoners_recognized_count", figure, figure.start, figure.end + match.end(),
                   ctx.country)


@rule("vocabulary-count")
def named_counts(ctx: Context, sentence: Sentence) -> None:
    """A count whose noun names a vocabulary property: "three additional aircraft" -> aircraft_count,
    about the sanction or release its clause names."""
    for figure in _free(ctx, sentence):
        noun = re.match(r"\s+(?:(?:additional|more|other|further|new)\s+)?([a-z]+)\b", ctx.text[figure.end:sentence.end])
        prop = f"{noun.group(1).rstrip('s')}_count" if noun else None
        for candidate in (f"{noun.group(1)}_count", prop) if noun else ():
            kind = ctx.properties.get(candidate)
            if kind is None or candidate in ("released_count", "destination_count"):
                continue
            start, end = sentence.clause(figure.start)
            if kind == "sanction":
                subject = sanction_named(ctx, ctx.text[figure.start:end]) or ctx.sanction
            elif kind == "release":
                subject = clause_release(ctx, sentence, figure.start)
            else:
                subject = None
            _count(ctx, candidate, figure, figure.start - _verb(ctx, start, figure.start), end, subject)
            break


def _verb(ctx: Context, start: int, offset: int) -> int:
    match = re.search(r"\b[a-z]+(?:ed|s)\s+$", ctx.text[start:offset])
    return len(match.group(0)) if match else 0
