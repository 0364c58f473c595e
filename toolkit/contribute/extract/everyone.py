"""Facts said of all of a release's freed at once, with the figure written elsewhere: "All of them were later taken to
Warsaw" (each one freed went there, as many as the total), "Those released are all Estonian citizens" (the
total is that nationality's count too). Marked implied-count: the figure is not in the sentence."""

from __future__ import annotations

import re

from .context import ADJECTIVES, PEOPLE, POLITICAL, Context, Draft, Sentence, part_of_larger, rule
from .names import Name
from .people import MOVED, SHELTERED
from .places import country_at, group_of, place_after
from .subjects import clause_release

ALL_OF_THEM = re.compile(rf"\b(?:All|all)\s+(?:of\s+)?(?:them|those|the)(?:\s+(?:who\s+were\s+)?(?:freed|released|pardoned|"
                         rf"liberated|set\s+free)|\s+{ADJECTIVES}{PEOPLE})?(?=\s)|"
                         rf"\b(?:[Tt]he|[Tt]hose)\s+(?:released|freed|pardoned|liberated|former)\s+(?:political\s+)?(?:prisoners|detainees|"
                         rf"people|individuals)(?=\s+(?:were|are|had\s+been|have\s+been)\s+(?:now|then|later|all|subsequently)?)|"
                         # "Once the prisoners were released into Poland": the freed, and where they were freed to
                         rf"\b(?:[Tt]he|[Tt]hose)\s+(?:political\s+)?(?:prisoners|detainees)(?=\s+(?:were|had\s+been|have\s+been)\s+"
                         rf"(?:released|freed)\s+into\b)|"
                         # "The group was then driven to Poland", "They have crossed into Estonia", "The prisoners
                         # traveled to Warsaw", after a sentence that freed them (see all_moved)
                         # (or said: "Her lawyer confirmed that the prisoners were heading home to Tallinn"), with those
                         # among them or beside them ("The prisoners, among them A, were escorted to Poland", "The
                         # prisoners and the EU envoys who met them at the border travelled on to Warsaw")
                         rf"(?:^\W*|\b(?:said|says|confirmed|reported|added|announced)\s+(?:that\s+)?)"
                         rf"(?P<group>[Tt]he\s+(?:group|(?:political\s+)?(?:prisoners|detainees|captives|hostages))|They)"
                         rf"(?=(?:,\s+(?:among\s+them|including)\s+[^,;.]{{1,80}},|\s+and\s+the\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:delegation|envoys?|officials|diplomats)(?:\s+(?:that|who)\s+[^,;.]{{1,60}}?)?)?"
                         # "They have now been transferred", "They are being flown": in the passive too (not "were being
                         # driven to P when the bus was stopped": a journey cut short)
                         rf"\s+(?:(?P<aux>(?:was|were|(?:had|have|has)\s+(?:(?:now|also|already)\s+)?been|(?:are|is)\s+"
                         rf"being)\s+)|(?:have|has)\s+)?"
                         rf"(?:then\s+|later\s+|subsequently\s+|all\s+)?{MOVED}\s+(?:\w+\s+){{0,2}}?(?:to|into|in)\b)")


ANOTHER_TIME = re.compile(r"\b(?:ago|earlier|previously|last\s+(?:year|month|week)|this\s+year|in\s+(?:19|20)\d\d)\b",
                          re.IGNORECASE)
"""Before "the prisoners", a time other than the release's ("Two years ago, officials said the prisoners ...")."""


@rule("all-moved")
def all_moved(ctx: Context, sentence: Sentence) -> None:
    """"All of those freed were later relocated to nearby Estonia", "All of them are currently safe in Warsaw": every
    one of the release's freed went there (the people the page frees before or after the sentence: see
    `sent_with_all`), as many as the total this article gives (marked for review: the figure is not in the
    sentence)."""
    for match in ALL_OF_THEM.finditer(sentence.text):
        if re.search(r"\b(?:of|\d+|some|many|most|several|few)\s+$", sentence.text[:match.start()], re.IGNORECASE):
            continue  # "Ten of the freed prisoners were taken to Warsaw": some of them, counted there
        offset = sentence.start + match.end()
        place = destination_after(ctx, sentence, offset)
        release = clause_release(ctx, sentence, offset)
        if place is None or release is None:
            continue
        totals = _release_totals(ctx, release)
        if match.group("group") and not ctx.previous_freeing:
            continue  # "The prisoners were taken to Minsk" with no freeing before it: whichever prisoners
        if match.group("group") and (_dated_otherwise(ctx, sentence) or
                                     not match.group("aux") and ctx.registry.top(place.entity) == ctx.country):
            continue  # "The prisoners were taken to Poland to study in 2021", "They arrived in Minsk from penal colonies"
        if match.group("group") and ANOTHER_TIME.search(sentence.text, 0, match.start("group")):
            continue  # "Two years ago, officials said the prisoners were moved to Lithuania": another time's prisoners
        if re.fullmatch(r"They|[Tt]he\s+group", match.group("group") or "") and not match.group("aux") and \
                ctx.previous_named:
            continue  # "... after talks with envoys A and B. They flew to Vilnius" ("The group then flew"): the envoys,
            # perhaps (not those freed; "They were driven to Lithuania", in the passive, are; "The prisoners traveled to
            # Lithuania" are, whoever the sentence before named)
        if re.match(r"(?:All|all)\s+(?:of\s+)?them\b", match.group(0)) and not (ctx.previous_freeing or sentence.freeing()
                                                                                or totals):
            continue  # "all of them" on a page that has counted no freed, after a sentence that freed nobody: others
        # counted once the page is read (sent_with_all): the total may be drafted after this rule reads the sentence
        # ("Belarus freed 30 prisoners ..., and all of those freed were handed over to Poland"), and a later line may
        # send some of them elsewhere ("The released prisoners were taken to Ukraine. Twelve were taken to Vilnius")
        # "They have crossed into Lithuania" stands for the count the sentence before gave, not surely for everyone the
        # page names: the count goes there, no one by name
        each = match.group("group") != "They"
        ctx.all_moved.append((release, place.entity, sentence.start + match.start(), place.end, each))


def _dated_otherwise(ctx: Context, sentence: Sentence) -> bool:
    """True when the sentence dates something to another time than the article's release ("before their arrests in
    2021", "for the 2020 protests")."""
    return any(d.value and ctx.off_release(d.value) and
               not re.search(r"\bsince\s+$", ctx.text[max(sentence.start, d.start - 8):d.start])
               for d in sentence.dates if not d.relative)  # not "the first such release since September 2025"


def _release_totals(ctx: Context, release: str) -> dict[tuple[int, str], Draft]:
    """The totals of everyone a release freed drafted so far, by (value, qualifier)."""
    return {(d.value, d.qualifier): d for d in ctx.drafts if d.subject == release and d.property == "released_count"
            and d.population is None and isinstance(d.value, int)}


def _all_of_total(ctx: Context, release: str, place: str, start: int, end: int) -> None:
    """As many went to the place as the release's total on the page: its exact total when it gives one, else its
    only bound; nothing when the page gives several."""
    if _went_elsewhere(ctx, release, place):
        return
    totals = _release_totals(ctx, release)
    totals = {k: d for k, d in totals.items()  # not the political prisoners among a larger amnesty (parts_of_totals)
              if not (POLITICAL.search(d.quote) and any(part_of_larger(k[0], other[0]) for other in totals))}
    exact = {k: d for k, d in totals.items() if k[1] == "exact"}
    totals = exact if len(exact) == 1 else totals
    if len(totals) != 1:
        return
    (value, qualifier), total = totals.popitem()
    ctx.add("destination_count", "count", value, start, end, qualifier=qualifier, subject=release, scope=place,
            review="implied-count", note=f"all of the {value} freed (\"{total.quote}\")")


def _went_elsewhere(ctx: Context, release: str, place: str) -> bool:
    """True when the page has some of the release's freed go to another country ("114 were transferred to Ukraine",
    "Eight ... were transferred directly to Vilnius"): then "The released prisoners were taken to Ukraine" is not
    all of them."""
    country = ctx.registry.top(place)
    return any(d.subject == release and d.property == "destination_count" and d.population is None and
               isinstance(d.scope, str) and ctx.registry.top(d.scope) != country for d in ctx.drafts)


NEAR_ALL = 2
"""How many lines after "All of them went to P" the people named are still the ones it speaks of."""


def sent_with_all(ctx: Context) -> None:
    """After the page is read: as many went where all of a release's freed went as its total (unless the page sends
    some of them to another country); and each person a release frees went there, whether the page names
    them before saying so or in the lines right after (further down, a page's profiles of the freed are no longer what
    "all of them" spoke of)."""
    for release, place, start, end, _ in ctx.all_moved:
        _all_of_total(ctx, release, place, start, end)
    for release, place, start, end, each in ctx.all_moved:
        if not each or _went_elsewhere(ctx, release, place):
            continue  # some of them went to another country: the sentence spoke of those who went here
        line = ctx.line(start)
        for person in sorted({d.subject for d in ctx.drafts if d.property == "released_in" and d.value == release and
                              d.line <= line + NEAR_ALL}):
            if not any(d.property == "sent_to" and d.subject == person for d in ctx.drafts):
                ctx.add("sent_to", "entity", place, start, end, subject=person, review="implied-count",
                        note="one of all the freed who went there")


ALL_ARE = re.compile(r"\b(?:(?:Those|The\s+(?:people|prisoners))\s+(?:freed|released|pardoned)|All\s+of\s+(?:them|those\s+(?:freed|"
                     r"released|pardoned)))\s+(?:are|were)\s+(?:all\s+)?(?P<noun>[A-Z][a-z]+\s+(?:citizens|nationals))\b")


@rule("all-nationals")
def all_nationals(ctx: Context, sentence: Sentence) -> None:
    """"Those released are all Estonian citizens": the release's total is that nationality's count too
    (marked for review: the figure is not in the sentence)."""
    for match in ALL_ARE.finditer(sentence.text):
        release = clause_release(ctx, sentence, sentence.start + match.start())
        totals = {d.value for d in ctx.drafts if d.subject == release and d.property == "released_count" and
                  d.population is None and d.qualifier == "exact" and isinstance(d.value, int)}
        population = group_of(ctx, match.group("noun"))
        if release and population and len(totals) == 1:
            ctx.add("released_count", "count", totals.pop(), sentence.start + match.start(), sentence.start + match.end(),
                    subject=release, population=population, review="implied-count",
                    note="all of the freed the article counts")


def destination_after(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """The country or place a movement after `offset` ends in: "were then relocated to neighbouring Lithuania",
    "and is now in Lithuania", "are safe in Vilnius", "The former prisoners are in Poland" (present tense, right
    after them; not "were in Minsk's detention centre": where they were held, nor "said their families are in
    Lithuania"); none when two places are named ("are in Lithuania and Poland")."""
    move = re.match(rf"[^.;]{{0,60}}?(?:\b{MOVED}\s+(?:\w+\s+){{0,2}}?(?:back\s+)?(?:directly\s+)?(?:to|into|in)|"
                    rf"\b(?:released|freed)\s+into|{SHELTERED}\s+in|"
                    rf"\b(?:is|are|were|was)\s+(?:now\s+(?:(?:free|safe)\s+)?|(?:free|safe)\s+)in|\bnow\s+in)\s+",
                    ctx.text[offset:sentence.end]) or \
        re.match(r"\s+(?:is|are)\s+(?:currently\s+|already\s+|all\s+)?in\s+", ctx.text[offset:sentence.end])  # right after them
    if not move:
        return None
    at = offset + move.end()
    place = place_after(ctx, sentence, at) or country_at(ctx, sentence, at)
    if place is not None and re.match(r"(?:\s*,\s*(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)*,?\s+(?:and|or)\s+(?:in\s+|to\s+)?"
                                      r"(?:the\s+)?[A-Z]", ctx.text[place.end:sentence.end]):
        return None  # "are in Lithuania and Poland", "in Lithuania, Poland or Estonia": not all in one place
    return place if place is not None and ctx.kind(place) == "place" else None
