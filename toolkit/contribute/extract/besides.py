"""Counts of others beside the people a sentence names: "At least 13 other prisoners were released along with A" is at
least 14 in all, "In addition to the American, two others were also freed" is 3; "another four were also pardoned",
with no one named beside them, is no total of the release."""

from __future__ import annotations

import re

from ...ingest.figures import Figure
from .context import Context, Sentence
from .names import title_word
from .people import list_members
from .places import demonym_country
from .subjects import clause_release

OTHERS = re.compile(r"\s+(?:others\b|(?:other|additional)\s)", re.IGNORECASE)
BESIDE = re.compile(r"\b(?:along\s+with|together\s+with|alongside|besides|in\s+addition\s+to)\s+", re.IGNORECASE)
ONE = re.compile(r"(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z-]*[^s\W])\b(?=\s*[,.;]|\s+(?:were|was|and)\b)")
"""One person named by a noun ("the American", "a Belarusian journalist"): a singular, ending the phrase; a person's
noun (a nationality, a title or trade, a prisoner), not a thing ("the deal on potash", "the sanctions relief")."""
PERSON_NOUN = re.compile(r"man|woman|citizen|national|resident|prisoner|detainee|captive|hostage|dissident|student|"
                         r"worker|soldier")
"""A noun of a person beside the trades and titles names.title_word knows and the nationalities
places.demonym_country reads ("the American"): never a thing ("the plan", "the agreement")."""


def others_beside(ctx: Context, sentence: Sentence, figure: Figure) -> tuple[int, int, int, str] | None | bool:
    """For a figure of others ("13 other prisoners", "two others", "another four ... also"): where the count of all
    begins and ends, how many are named beside the others, and who (a tuple); False when nobody is named beside them
    (the figure is no total of the article's release); None for a figure of another shape, or of others freed in another
    release."""
    after = ctx.text[figure.end:sentence.end]
    another = re.search(r"\banother\s+$", ctx.text[max(sentence.start, figure.start - 8):figure.start], re.IGNORECASE)
    if not OTHERS.match(after) and not (another and re.search(r"\balso\b", after[:60])):
        return None
    for beside in BESIDE.finditer(sentence.text):
        begin = sentence.start + beside.end()
        stop = re.search(r",?\s+(?:including|among(?:st)?\s+them|such\s+as)\b", ctx.text[begin:sentence.end])
        stop = begin + stop.start() if stop else sentence.end  # "along with A, including B": A alone beside them
        members = [m for m in list_members(ctx, sentence, begin) if m.start - begin < 40 and m.end <= stop]
        one = ONE.match(ctx.text, begin, sentence.end) if not members else None
        noun = one.group("noun") if one else ""
        if one and not (PERSON_NOUN.fullmatch(noun) or title_word(noun) or any(demonym_country(ctx, noun))):
            one = None  # "Besides the deal on potash, four other prisoners ...": a thing, not a person beside them
        if members:
            named, end = len(members), members[-1].end
        elif one:
            named, end = 1, one.end()
        else:
            continue
        who = ctx.text[begin:end]
        start = min(figure.start, sentence.start + beside.start())
        verb = re.search(r"\b(?:freed|released|pardoned|set\s+free)\b", ctx.text[figure.end:sentence.end])
        finish = max(end, figure.end + verb.end() if verb else figure.end)
        if another:
            start = min(start, figure.start - len(another.group(0)))
        return start, finish, named, who
    if clause_release(ctx, sentence, figure.start) != ctx.release:
        return None  # "More than 30 others were released in June": the total of another release
    return False
