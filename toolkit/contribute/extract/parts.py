"""Counts of parts of a release, settled against the totals a page gives: the political prisoners among a total
("freed 60 people, including 20 political prisoners"; "17 political prisoners were freed" beside an amnesty of
2,400), a breakdown by country with each count in brackets ("Poland (4), Lithuania (3)"), and the freeing
country's own nationals who are everyone freed. Registered after releases' rules: the totals come first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import POLITICAL, Context, Sentence, part_of_larger, rule
from .names import UPPER
from .people import MOVED
from .places import country_at, group_of, nationals_of, place_after
from .releases import _count, _free, _nationality
from .subjects import clause_release


BRACKETED = re.compile(rf"(?:the\s+)?[{UPPER}][\w.’'-]*(?:\s+[{UPPER}][\w.’'-]*){{0,2}}\s*\($")
"""A country with its count in brackets: "they were from Poland (4), Lithuania (3), ..."."""


@rule("bracketed-counts")
def bracketed(ctx: Context, sentence: Sentence) -> None:
    """"By nationality, they were from Poland (4), Lithuania (3) and Latvia (2)": each country's count of the freed,
    in a sentence that frees, right after one, or that says where the freed are from."""
    if not (sentence.freeing() or ctx.previous_freeing or
            re.search(r"\b(?:foreigners|nationals|citizens|they)\s+(?:are|were)\s+from\b", sentence.text)):
        return
    for figure in _free(ctx, sentence):
        if not ctx.text.startswith(")", figure.end) or figure.qualifier != "exact":
            continue
        written = BRACKETED.search(ctx.text, max(sentence.start, figure.start - 40), figure.start)
        if written is None or re.search(rf"\b(?:{MOVED}|to|into)\b[^.;]{{0,60}}$", ctx.text[sentence.start:written.start()],
                                        re.IGNORECASE):
            continue  # "They were taken to Vilnius (30) and Warsaw (22)": where they went, not where they are from
        named = place_after(ctx, sentence, written.start(), reach=4)
        country = country_at(ctx, sentence, written.start())
        if named is not None and ctx.registry_place_kind(named.entity) != "country":
            continue  # a city in brackets is no nationality
        if country is not None and ctx.registry_place_kind(country.entity) == "country":
            _count(ctx, "released_count", figure, country.start, figure.end + 1, clause_release(ctx, sentence, figure.start),
                   population=nationals_of(ctx, country.entity, country.text))


PART = re.compile(r"\b(?:including|among(?:st)?\s+them|among(?:st)?\s+whom|of\s+whom)\s+$", re.IGNORECASE)
POLITICAL_AFTER = re.compile(r"\s+(?:political\s+prisoners|prisoners\s+of\s+conscience)\b", re.IGNORECASE)


@rule("political-part")
def political_part(ctx: Context, sentence: Sentence) -> None:
    """"Belarus freed 60 people, including 20 political prisoners": after a total of the sentence, the political
    prisoners counted among it, a part of the freed by its own word ("including"), whatever the figures."""
    for figure in _free(ctx, sentence):
        part = PART.search(ctx.text, max(sentence.start, figure.start - 30), figure.start)
        political = POLITICAL_AFTER.match(ctx.text, figure.end, sentence.end) if part else None
        if political is None:
            continue
        # the totals drafted from this sentence so far (not every draft of the page: that cost its square)
        totals = [d for d in ctx.drafts[ctx.sentence_drafts:] if d.property == "released_count" and d.population is None]
        release = clause_release(ctx, sentence, figure.start)
        if any(d.start < figure.start and d.subject == release for d in totals):
            _count(ctx, "released_count", figure, part.start(), political.end(), release,
                   population=group_of(ctx, "political prisoners"))


def parts_of_totals(ctx: Context) -> None:
    """Which counts of a release are parts of its total, by the totals the page gives (not another source's: sources
    disagree on totals; docs/claims-format.md, Conventions):
    - political prisoners far fewer than another total (context.part_of_larger) count a part of those freed, the
      registry's group of political prisoners ("Belarus released 2,400 prisoners under an amnesty ... 17 political
      prisoners were freed"); near every total ("52 political prisoners" beside "54 people", two sources' figures),
      or a bound ("more than 100" beside 123), they are everyone freed, with no population;
    - the freeing country's own nationals as many as a total are everyone freed ("Three Belarusian journalists
      walked free" under "Belarus frees three journalists"): the total, with no population."""
    political = group_of(ctx, "political prisoners")
    totals: dict[str, set[int]] = {}
    for draft in ctx.drafts:
        if draft.property == "released_count" and draft.population is None and isinstance(draft.value, int):
            totals.setdefault(draft.subject, set()).add(draft.value)
    for i, draft in enumerate(ctx.drafts):
        if draft.property != "released_count" or not isinstance(draft.value, int):
            continue
        larger = [v for v in totals.get(draft.subject, ()) if part_of_larger(draft.value, v)]
        if draft.population is None and political and draft.qualifier == "exact" and larger and \
                POLITICAL.search(draft.quote):
            ctx.drafts[i] = replace(draft, population=political, review=draft.review or "part-of-total",
                                    note=f"a part of the {max(larger)} freed")
        elif draft.population and ctx.country and _nationality(ctx, draft.population) == ctx.country and \
                draft.value in totals.get(draft.subject, ()):
            ctx.drafts[i] = replace(draft, population=None)
