"""Sentences as an article writes them (the counts and dates in them: toolkit.ingest.figures).

A rule, not a library: pysbd was measured against it on every article here (seeds and fixtures)
and drew the same sentence boundaries, so extract's precision and recall were the same to the
claim, at a hundred times the time.
"""

from __future__ import annotations

import re


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never across a line break; an initial or abbreviation ("U.S.",
    "Dec.", "Mr.") does not end one."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans += [(offset + s, offset + e) for s, e in _split_line(line)]
        offset += len(line) + 1
    return spans


WRITTEN_OUT_BREAK = re.compile(r"(?<!\\n)(?:\\n)++(?=[\"“‘(]?[A-Z0-9]|[-•*][ \t])")  # (a run once, from its start)
"""A line break a scraped page wrote out as the two characters "\\n", before a capital or a figure ("... guard
Wednesday.\\nEuropean diplomats ...", "Friday.\\n\\nThey were", "Minsk frees two men\\nMINSK (Wire)", a list's "\\n- A";
not "C:\\new")."""


def written_out_breaks(text: str) -> str:
    """The text with each written-out line break made a space and a line break: as long, so every offset and every
    quote (none runs across a line) stays that of the text as written."""
    return WRITTEN_OUT_BREAK.sub(lambda run: " \n" * (len(run.group(0)) // 2), text)


ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sen|Rep|Gov|Prof|Rev|Fr|Msgr|Sgt|Capt|Maj|"
                          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc))$")
ABBREVIATION_REACH = 8
"""Characters before a full stop the longest abbreviation ("Sept") and the boundary before it need."""
ENDING = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[a-z]{3})\.(?=[A-Z][a-z])")
"""A sentence's end: its mark, then a space; or, on a page whose markup held the space, a word's full stop then a
capital word ("in prison.As news broke"; not "Yahoo!News")."""


def _split_line(line: str) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for match in ENDING.finditer(line):
        # the abbreviation ends at the full stop: look only at the characters before it (a search from the
        # line's start made a long line cost the square of its length)
        if line[match.start()] == "." and ABBREVIATION.search(line, max(0, match.start() - ABBREVIATION_REACH),
                                                               match.start()):
            continue  # "U.S.", "Dec.", "Mr.": not the end of a sentence
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    trimmed = ((s + len(line[s:e]) - len(line[s:e].lstrip()), e - (len(line[s:e]) - len(line[s:e].rstrip())))
               for s, e in pieces)
    return [(s, e) for s, e in trimmed if e > s]


SOFT_BREAK = re.compile(r"(?<=[\w,;])[ \t]*\n(?=[ \t]*\w)")
"""A line break after a word or a comma, before a word: where a page wrapped at a fixed width may run a sentence on."""
RUN_ON = re.compile(r"(?<=[\w,;])[ \t]*\n[ \t]*[a-z]")
"""A line break inside a sentence beyond doubt: the next line goes on in small letters."""
SMALL_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{3,}")
"""A word of four letters or more in small letters: a sentence's, not a title-case headline's ("Frees", "And")."""
WRAPPED_PAGE_RUN_ONS = 3
"""Lines running on in small letters that show a page was wrapped at a fixed width (wire copy), not one paragraph to
a line."""


def soft_breaks(text: str) -> frozenset[int]:
    """The offsets of the line breaks that wrap a sentence onto the next line, on a page wrapped at a fixed width:
    each after a line of five words or more, some in small letters, that ends in a word or a comma, before a line that
    goes on. A page with one paragraph to a line has none (its lines run on in small letters fewer than
    `WRAPPED_PAGE_RUN_ONS` times)."""
    if sum(1 for _ in zip(range(WRAPPED_PAGE_RUN_ONS), RUN_ON.finditer(text))) < WRAPPED_PAGE_RUN_ONS:
        return frozenset()
    breaks = set()
    for match in SOFT_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start:match.start()]
        if len(line.split()) >= 5 and SMALL_WORD.search(line):
            breaks.add(text.index("\n", match.start()))
    return frozenset(breaks)
