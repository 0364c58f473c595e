"""Load the article corpus and verify every article against the manifest."""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from dataclasses import dataclass, field

from .models import SourceEntry, parse_entry
from ..project import Project
from ..report import Report
from .yamlio import (LineDict, load_yaml, outside_project, read_bounded, report_duplicate_keys, report_unknown_keys,
                     short)

MAX_ARTICLE_BYTES = int(os.environ.get("PRISONER_DATA_MAX_ARTICLE_BYTES", 2 << 20))
"""Largest article read (2 MiB, many times the longest news article; `PRISONER_DATA_MAX_ARTICLE_BYTES`
overrides): each count and date in an article is a finding, so a larger file floods the review."""


@dataclass(frozen=True)
class Source:
    """An article that passed verification, with its text."""

    entry: SourceEntry
    text: str
    manifest_line: int
    line_starts: tuple[int, ...] = field(repr=False)

    @property
    def id(self) -> str:
        return self.entry.id

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset in the text."""
        return bisect_right(self.line_starts, offset)

    def locate(self, quotes) -> dict[str, list[int]]:
        """Where each of `quotes` starts in the text, every occurrence, found in one pass over the
        article (Aho-Corasick) however many quotes there are."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for quote in quotes:
            if isinstance(quote, str) and quote:
                automaton.add_word(quote, quote)
        found: dict[str, list[int]] = {}
        if len(automaton):
            automaton.make_automaton()
            for end, quote in automaton.iter(self.text):
                found.setdefault(quote, []).append(end - len(quote) + 1)
        return found


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return tuple(starts)


def load_sources(project: Project, report: Report) -> dict[str, Source]:
    """Read seeds/manifest.yaml and every article it lists.

    An article is refused (an error in the report, not in the result) when it is
    missing, empty, not UTF-8, or when its size or sha256 differs from the manifest.
    """
    if outside_project(project, project.manifest, report):
        return {}
    display = project.rel(project.manifest)
    doc = load_yaml(project.manifest, report, display)
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        report.add("invalid-manifest", "manifest must have a 'sources' list", file=display,
                   line=doc.line_of("sources") if isinstance(doc, LineDict) else 1)
        return {}
    report_duplicate_keys(doc, report, display)
    report_unknown_keys(doc, {"sources"}, report, display)
    sources: dict[str, Source] = {}
    for raw in doc["sources"]:
        entry = _parse_entry(raw, report, display, doc.line_of("sources"))
        if entry is None:
            continue
        if entry.id in sources:
            report.add(
                "duplicate-id",
                f"source id '{entry.id}' is listed twice (first at line {sources[entry.id].manifest_line})",
                file=display, line=raw.line, field="id", value=entry.id,
            )
            continue
        source = _verify_article(project, entry, raw.line, report, display)
        if source is not None:
            sources[entry.id] = source
    _report_unlisted(project, doc["sources"], report)
    return sources


def _parse_entry(raw, report: Report, display: str, line: int) -> SourceEntry | None:
    if not isinstance(raw, LineDict):
        report.add("invalid-manifest", f"each source must be a mapping, got {short(raw, 60)}", file=display,
                   line=line)
        return None
    report_duplicate_keys(raw, report, display)
    return parse_entry(SourceEntry, raw, report, display)


def read_article(path, report: Report, shown: str) -> bytes | None:
    """An article's bytes; None, with an error naming the file, when it is over the cap or unreadable."""
    return read_bounded(path, report, shown, MAX_ARTICLE_BYTES) if _fits(path, report, shown) else None


def _fits(path, report: Report, shown: str) -> bool:
    """False, with an `article-too-large` error naming the file, when the article is over the cap."""
    try:
        size = path.stat().st_size
    except OSError:
        return True  # not there or unreadable: reading it says which
    if size <= MAX_ARTICLE_BYTES:
        return True
    report.add("article-too-large", f"article {shown} is {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,} an "
               "article may have; not read", file=shown, line=1, value=str(size),
               hint="keep only the article's own text (no page source or attachments), or split a long one into "
                    "parts, each a source of its own")
    return False


def _verify_article(project, entry: SourceEntry, line: int, report: Report, display: str):
    path = project.seeds / entry.path
    shown = project.rel(path)
    where = dict(file=shown, line=1)
    if not project.contains(path, project.seeds):
        report.add("path-outside-seeds", f"article path '{entry.path}' leaves seeds/", file=display, line=line, field="path")
        return None
    if not path.is_file():
        report.add("missing-article", f"article {shown} listed in the manifest does not exist",
                   file=display, line=line, field="path", value=entry.path)
        return None
    data = read_article(path, report, shown)
    if data is None:
        return None
    if not data.strip():
        report.add("empty-article", f"article {shown} is empty", hint="restore the article's text", **where)
        return None
    digest = hashlib.sha256(data).hexdigest()
    if len(data) != entry.bytes or digest != entry.sha256:
        report.add(
            "article-hash-mismatch",
            f"article {shown} does not match the manifest: {len(data)} bytes, sha256 {digest[:12]}…; "
            f"manifest (line {line}) says {entry.bytes} bytes, sha256 {entry.sha256[:12]}…",
            field="sha256", value=digest,
            hint="articles are kept byte-exact: restore the original file, or record a new article as a new source; "
                 f"if you edited only its front matter, `prisoner-data extract {shown} --manifest --update` "
                 "records its new size and sha256",
            **where,
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add("encoding-error", f"article {shown} is not valid UTF-8 at byte {exc.start}",
                   file=shown, line=data[: exc.start].count(b"\n") + 1)
        return None
    if "\x00" in text:
        report.add("control-character", f"article {shown} contains NUL bytes; it is not a text file",
                   file=shown, line=text[: text.index("\x00")].count("\n") + 1,
                   hint="restore the article as plain UTF-8 text")
        return None
    return Source(entry=entry, text=text, manifest_line=line, line_starts=_line_starts(text))


def _report_unlisted(project: Project, entries: list, report: Report) -> None:
    listed = {e.get("path") for e in entries if isinstance(e, dict) and isinstance(e.get("path"), str)}
    articles = project.seeds / "articles"
    if not articles.is_dir():
        return
    for path in sorted(articles.iterdir()):
        if path.is_file() and f"articles/{path.name}" not in listed:
            report.add(
                "unlisted-article",
                f"{project.rel(path)} is not listed in seeds/manifest.yaml",
                severity="warning", file=project.rel(path),
                hint="add a manifest entry with its sha256 and bytes",
            )
