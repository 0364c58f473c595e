"""YAML that remembers where each mapping and key came from, read within fixed bounds.

Declarative inputs (manifest, claims, registry, decisions, vocabulary) are YAML;
every problem in them must name its line. The loader returns dicts that carry
the line of the mapping and of each key, and notes duplicate keys instead of
silently keeping the last one.

A pull request can put anything in these files, so reading is bounded before
libyaml sees the text: a file over `MAX_INPUT_BYTES` is not read, nesting deeper
than `MAX_DEPTH` is refused (libyaml's composer recurses in C and crashes the
process on some ten thousand nested brackets), and anchors may not expand the
document by more than `MAX_ALIAS_EXPANSION` nodes (a few KB of aliases can
otherwise stand for gigabytes).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path

import yaml

from ..report import Report
from ..texts import text_problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_INPUT_BYTES = int(os.environ.get("PRISONER_DATA_MAX_INPUT_BYTES", 64 << 20))
"""Largest YAML or JSON input read (64 MiB; `PRISONER_DATA_MAX_INPUT_BYTES` overrides)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted; the inputs need fewer than ten levels."""
MAX_ALIAS_EXPANSION = 10_000
"""Most nodes that aliases may add to a document when expanded."""

_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]")
_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_INDENT = re.compile(r"^ {%d,}\S" % (2 * MAX_DEPTH), re.M)


class LineDict(dict):
    """A mapping read from YAML or JSON, with `line`, `key_lines` and `duplicate_keys`."""

    line: int = 0
    key_lines: dict
    duplicate_keys: list

    def line_of(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


def line_dict(line: int) -> LineDict:
    mapping = LineDict()
    mapping.line, mapping.key_lines, mapping.duplicate_keys = line, {}, []
    return mapping


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_RESOLVED_MAX = 4096
_SHARED_LENGTH, _SHARED_MAX = 40, 1 << 16


class _LineLoader(_Base):
    """libyaml's C parser and composer; mappings are built here, with lines, instead of by PyYAML's
    generic constructor; plain scalars that recur (keys above all) are resolved once, and short texts
    are shared."""

    _resolved: dict = {}
    _texts: dict = {}
    controls = False
    """Whether texts may hold control characters: only through a double-quoted escape, so only when the
    file has a backslash (raw ones are refused by the reader)."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._resolved.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._resolved) >= _RESOLVED_MAX:
                    self._resolved.clear()
                self._resolved[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def document(self):
        node = self.get_single_node()
        return None if node is None else self.build(node)

    def build(self, node):
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            value = node.value
            if self.controls and _CONTROL.search(value):
                raise yaml.constructor.ConstructorError(
                    None, None, f"a text holds a NUL or other control character "
                                f"(U+{ord(_CONTROL.search(value).group()):04X}); no input may", node.start_mark)
            if len(value) > _SHARED_LENGTH:
                return value
            # short texts recur (ids, property names, places): one object for each, so a million
            # claims do not hold a million copies of "released_count"
            shared = self._texts.setdefault(value, value)
            if len(self._texts) >= _SHARED_MAX:
                self._texts.clear()
            return shared
        if tag == _MAP and type(node) is yaml.MappingNode:
            return self.build_mapping(node)
        if tag == _SEQ and type(node) is yaml.SequenceNode:
            return [self.build(item) for item in node.value]
        try:
            return _plain(self.construct_object(node, deep=True))  # numbers, booleans, null; unknown tags raise
        except ValueError as exc:  # int() refuses a number of more digits than sys.get_int_max_str_digits()
            import sys

            raise yaml.constructor.ConstructorError(
                None, None, f"a number of {len(node.value):,} digits: no value the toolkit reads may have more than "
                            f"{sys.get_int_max_str_digits():,}", node.start_mark) from exc

    def build_mapping(self, node) -> LineDict:
        mapping = line_dict(node.start_mark.line + 1)
        lines, duplicates = mapping.key_lines, mapping.duplicate_keys
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a mapping key must be plain text",
                                                        key_node.start_mark)
            line = key_node.start_mark.line + 1
            if key in mapping:
                duplicates.append((key, line))
            mapping[key] = self.build(value_node)
            lines[key] = line
        return mapping


class ReadAsDate(str):
    """Text YAML read as a date or a date and time because it was not quoted (2025-06-21 20:59:08): the
    ISO form of what it read, marked, so a field that wants text as written can say to quote it."""

    __slots__ = ()


def _plain(value):
    # YAML 1.1 turns unquoted 2025-12-13 into a date; the toolkit wants the text.
    if isinstance(value, (dt.date, dt.datetime)):
        return ReadAsDate(value.isoformat())
    return value


def read_as(value) -> str | None:
    """What YAML read an unquoted value as, when that is not text: "a date", "a date and time", "a number"
    or "true or false"; None for text (quoted or not) and for mappings and lists."""
    if isinstance(value, ReadAsDate):
        return "a date and time" if "T" in value else "a date"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return None


def quote_it(field: str, value) -> str:
    """The fix for a value YAML did not read as text: the line with the value in quotes."""
    text = str(value).replace("T", " ") if isinstance(value, ReadAsDate) else str(value).lower() \
        if isinstance(value, bool) else str(value)
    return f'quote it, as the text is written: {field}: "{text}"'


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
"""Control characters, and the halves of UTF-16 pairs an escape can make, which are no characters at all."""


def _parse(text: str):
    loader = _LineLoader(text)
    loader.controls = "\\" in text
    try:
        return loader.document()
    finally:
        loader.dispose()


def read_text(path: Path, report: Report, display: str, max_bytes: int = MAX_INPUT_BYTES) -> str | None:
    """Read a UTF-8 text file of at most `max_bytes`, reporting what is wrong with its line."""
    data = read_bounded(path, report, display, max_bytes)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(
            "encoding-error",
            f"{display} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            file=display,
            line=line,
            hint="save the file as UTF-8",
        )
        return None


def read_bounded(path: Path, report: Report, display: str, max_bytes: int = MAX_INPUT_BYTES) -> bytes | None:
    """The bytes of a regular file no larger than `max_bytes`; None (with an issue) otherwise."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            report.add("not-a-file", f"{display} is not a regular file", file=display)
            return None
        if size > max_bytes:
            report.add("file-too-large", f"{display} is {size:,} bytes, more than the {max_bytes:,} an input may have; "
                       "not read", file=display, value=str(size),
                       hint="split the file, or check it is the right one (PRISONER_DATA_MAX_INPUT_BYTES raises the cap)")
            return None
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)[:max_bytes]
    except OSError as exc:
        report.add("file-unreadable", f"cannot read {display}: {exc.strerror or exc}", file=display)
        return None


def outside_project(project, path: Path, report: Report) -> bool:
    """True, with an error naming the file, when the input at `path` leads out of the project (itself or a
    folder on its way a symbolic link to elsewhere); such an input is not read."""
    if project.contains(path):
        return False
    shown = project.rel(path)
    try:
        target = str(path.resolve())
    except (OSError, RuntimeError):
        target = "a loop of symbolic links"
    report.add("path-outside-project", f"{shown} leads outside the project (to {target}); inputs are read only "
               "from inside it", file=shown, line=1, value=target,
               hint="replace the symbolic link with the file itself, committed in the project")
    return True


def load_yaml(path: Path, report: Report, display: str):
    """Parse a YAML file; on failure add an issue with its line and return None."""
    text = read_text(path, report, display)
    if text is None:
        return None
    if text.startswith("\ufeff"):
        report.add("byte-order-mark", f"{display} starts with a byte-order mark", file=display, line=1,
                   hint="save the file as UTF-8 without BOM")
        text = text[1:]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        report.add("crlf-line-endings", f"{display} has Windows (CRLF) line ends", file=display, line=line,
                   hint="save with LF line ends (the repository's .gitattributes does this on commit)")
    if not text.strip():
        report.add("empty-file", f"{display} is empty", file=display, line=1)
        return None
    try:
        if not _within_bounds(text, report, display):
            return None
        return _parse(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "malformed YAML"
        report.add(
            "yaml-syntax",
            f"{display} is not valid YAML: {problem}",
            file=display,
            line=line,
            hint="check indentation, quoting and colons on that line",
        )
    except yaml.reader.ReaderError as exc:  # a byte YAML refuses (a NUL, another control character)
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        report.add("yaml-syntax", f"{display} is not valid YAML: it holds the character U+{exc.character:04X} "
                   "(NUL or another control character), which no input may", file=display, line=line,
                   hint="remove the character (an editor may show it as ^@ or a box)")
    except (yaml.YAMLError, RecursionError, TypeError, ValueError) as exc:
        report.add("yaml-syntax", f"{display} is not valid YAML: {' '.join(str(exc).split())[:200]}", file=display)
    return None


def _within_bounds(text: str, report: Report, display: str) -> bool:
    """Depth and alias expansion checked before construction; cheap unless the text looks suspicious."""
    if _bracket_bound(text) > MAX_DEPTH or _DEEP_INDENT.search(text):
        line = _too_deep_at(text)
        if line is not None:
            report.add("yaml-too-deep", f"{display} nests mappings or lists more than {MAX_DEPTH} levels deep",
                       file=display, line=line, hint="the inputs need only a few levels; flatten the structure")
            return False
    if _ANCHOR.search(text):
        node = yaml.compose(text, Loader=_Base)
        added, line = _alias_expansion(node)
        if added > MAX_ALIAS_EXPANSION:
            report.add("yaml-alias-expansion", f"{display} uses anchors and aliases that expand to more than "
                       f"{MAX_ALIAS_EXPANSION:,} extra values", file=display, line=line,
                       hint="write the values out instead of repeating them with &anchor and *alias")
            return False
    return True


def _bracket_bound(text: str) -> int:
    """An upper bound of flow nesting: bracket depth, counting brackets inside strings too."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _too_deep_at(text: str) -> int | None:
    """The line where nesting first exceeds MAX_DEPTH, from libyaml's tokens (no recursion); None if it never does."""
    opening = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
               yaml.FlowSequenceStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    depth = 0
    for token in yaml.scan(text, Loader=_Base):
        if isinstance(token, opening):
            depth += 1
            if depth > MAX_DEPTH:
                return token.start_mark.line + 1
        elif isinstance(token, closing):
            depth -= 1
    return None


def _alias_expansion(root) -> tuple[float, int | None]:
    """How many nodes aliases add when the document is expanded, and the line of the first node reached twice.

    A node that contains itself (`&a [*a]`) expands without end."""
    sizes: dict[int, int] = {}
    state: dict[int, int] = {}  # 1 being expanded, 2 done
    seen: set[int] = set()
    seen_line = None
    stack = [(root, False)] if root is not None else []
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            state[key] = 2
            continue
        if state.get(key) == 2:
            continue
        state[key] = 1
        stack.append((node, True))
        for child in _children(node):
            if state.get(id(child)) == 1:
                return float("inf"), child.start_mark.line + 1
            if id(child) in seen:
                seen_line = seen_line or child.start_mark.line + 1
            seen.add(id(child))
            if state.get(id(child)) != 2:
                stack.append((child, False))
    return sizes.get(id(root), 0) - len(sizes), seen_line


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def report_duplicate_keys(mapping: LineDict, report: Report, display: str) -> None:
    for key, line in getattr(mapping, "duplicate_keys", []):
        report.add(
            "duplicate-key",
            f"key '{key}' appears twice in one mapping; the first value would be lost",
            file=display,
            line=line,
            field=str(key),
        )


def report_unknown_keys(mapping, allowed, report: Report, display: str, where: str = "") -> None:
    """One issue per key of `mapping` not in `allowed`, with the nearest known key as the fix."""
    if not isinstance(mapping, dict):
        return
    for key in mapping:
        if key not in allowed:
            report.add("unknown-field", f"unknown field '{key}'{where}", file=display,
                       line=mapping.line_of(key) if isinstance(mapping, LineDict) else None, field=str(key),
                       hint=nearest_hint(str(key), allowed))


def nearest_hint(key: str, allowed) -> str:
    """'did you mean …?' when a known key is close, else the list of known keys."""
    close = difflib.get_close_matches(key, [str(a) for a in allowed], n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known fields: " + ", ".join(sorted(str(a) for a in allowed))


def check_texts(mapping, report: Report, display: str, multiline=frozenset(), prefix: str = "", keys=None) -> bool:
    """Every text of `mapping` (nested mappings and lists too) as `toolkit.texts` allows it: one issue per text
    that holds a line break or control character where it may not (only the `multiline` keys may break
    lines), or starts with a formula; False when there was any. With `keys`, only those of `mapping`."""
    clean = True
    pairs = mapping.items() if keys is None else [(key, mapping[key]) for key in keys if key in mapping]
    for key, value in pairs:
        if type(value) is str and value.isprintable() and value[:1] not in _SUSPECT_START:
            continue  # nearly every value of a million claims: no call, no name built
        name = f"{prefix}{key}"
        texts = value if type(value) is list else (value,)
        for index, text in enumerate(texts):
            if type(text) is str:
                problem = text_problem(text, key in multiline)
                if problem is not None:
                    kind, what = problem
                    report.add(kind, f"field '{name}' {what}", file=display, field=name, value=short(text, 80),
                               line=mapping.line_of(key) if isinstance(mapping, LineDict) else None,
                               hint=_TEXT_HINTS[kind])
                    clean = False
            elif isinstance(text, dict):
                at = f"{name}[{index}]." if texts is value else f"{name}."
                clean = check_texts(text, report, display, multiline, at) and clean
    return clean


_SUSPECT_START = "=+-@ "
"""A first character that makes a printable text worth a closer look (the empty text too: '' is in it)."""
_TEXT_HINTS = {
    "control-character": "write the text on one line, without control characters (only notes and rationales may "
                         "break lines)",
    "formula-injection": "start the text with a letter, digit or quote mark (for a quote, choose a span that starts "
                         "with a word)",
}


def short(value, limit: int = 200) -> str:
    """A value as text for a message, never longer than `limit` and never expanding deep structures."""
    import reprlib

    shortener = reprlib.Repr()
    shortener.maxlevel, shortener.maxstring, shortener.maxother = 3, limit, limit
    text = value if isinstance(value, str) else shortener.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
