"""Sentences as an article writes them (the counts and dates in them: toolkit.ingest.figures)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _segmenter():
    try:
        import pysbd
    except ImportError:
        return None
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never across a line break; abbreviations like "U.S." and "Dec."
    do not end one (pysbd where installed, else a rule that knows the common ones)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans += [(offset + s, offset + e) for s, e in _split_line(line)]
        offset += len(line) + 1
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    segmenter = _segmenter()
    if segmenter is not None:
        # quotation marks blanked out, so a quoted passage of several sentences is split too
        pieces = [(s.start, s.end) for s in segmenter.segment(re.sub(r"[\"“”]", " ", line))]
    else:
        pieces, start = [], 0
        for match in re.finditer(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
                                 r"(?<!\bSept)[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])", line):
            pieces.append((start, match.end()))
            start = match.end()
        pieces.append((start, len(line)))
    return [(s, e) for s, e in ((s + len(line[s:e]) - len(line[s:e].lstrip()), e - (len(line[s:e]) -
                                                                                      len(line[s:e].rstrip())))
                                for s, e in pieces) if e > s]
