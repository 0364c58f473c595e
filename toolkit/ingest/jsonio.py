"""JSON inputs read within bounds, with the line of every object and key, and duplicate keys noted.

Table schemas, the expectation suite, descriptors, the release index: JSON the
toolkit reads may come from a contributor or a server nobody vouches for. The
reader refuses files over a cap, nesting deeper than `MAX_DEPTH`, and returns
the same `LineDict` as the YAML reader, so unknown and duplicate keys are
reported with their line in one way for both.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from json.scanner import py_make_scanner
from pathlib import Path

from ..report import Report
from .yamlio import MAX_DEPTH, MAX_INPUT_BYTES, LineDict, line_dict, read_bounded

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # unrolled: a run of plain characters at a time
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_BRACKET = re.compile(r"[\[\]{}]")


class JSONInputError(ValueError):
    """JSON that cannot be read: the reason and, where known, its line."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


class _LineDecoder(json.JSONDecoder):
    """The pure-Python scanner, so each object's start offset is known and turned into a line."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self.parse_object = self._object
        self.scan_once = py_make_scanner(self)

    def _line(self, offset: int) -> int:
        from bisect import bisect_left

        return bisect_left(self._newlines, offset) + 1

    def _object(self, s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        """One JSON object, noting the line of each key; the grammar is the standard library's."""
        text, end = s_and_end
        mapping = line_dict(self._line(end - 1))
        end = _WHITESPACE.match(text, end).end()
        if text[end:end + 1] == "}":
            return mapping, end + 1
        while True:
            if text[end:end + 1] != '"':
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, end)
            line = self._line(end)
            key, end = scanstring(text, end + 1, strict)
            end = _WHITESPACE.match(text, end).end()
            if text[end:end + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, end)
            end = _WHITESPACE.match(text, end + 1).end()
            try:
                value, end = scan_once(text, end)
            except StopIteration as err:
                raise json.JSONDecodeError("Expecting value", text, err.value) from None
            if key in mapping:
                mapping.duplicate_keys.append((key, line))
            mapping[key] = value
            mapping.key_lines[key] = line
            end = _WHITESPACE.match(text, end).end()
            delimiter, end = text[end:end + 1], end + 1
            if delimiter == "}":
                return mapping, end
            if delimiter != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, end - 1)
            end = _WHITESPACE.match(text, end).end()


_TOKEN = re.compile(r'(?:[^"{}]++|' + _STRING.pattern + r'(?![ \t\n\r]*:))*+(?:(\{)|(\})|(' + _STRING.pattern +
                    r')[ \t\n\r]*:)')
"""The next brace of an object, or string that is a key (followed by its colon), past the rest."""


def _fast(text: str):
    """The document as _LineDecoder reads it, by the standard library's C parser: the objects come to
    `object_pairs_hook` in the order they close, which is the order of their closing braces in the text,
    so one scan of the (valid) text beforehand gives each its line and the lines of its keys in order."""
    closed, open_ = [], []
    newlines, at, pos = 0, 0, 0
    # token after token, each where the last ended; where none follows, the rest holds no brace and no key (a search
    # from each later character instead, as finditer does, would cost the square of that rest)
    while (match := _TOKEN.match(text, pos)) is not None:
        pos = match.end()
        kind = match.lastindex
        if kind == 2:  # }
            closed.append(open_.pop())
            continue
        start = match.start(kind)
        newlines += text.count("\n", at, start)
        at = start
        if kind == 1:  # {
            open_.append((newlines + 1, []))
        else:  # a key
            open_[-1][1].append(newlines + 1)
    order = iter(closed)

    def build(pairs):
        line, key_lines = next(order)
        if len(key_lines) != len(pairs):
            raise ValueError("the scan and the parser disagree")
        mapping = LineDict(pairs)  # a key given twice keeps its first place and its last value, as below
        mapping.line, mapping.duplicate_keys = line, []
        mapping.key_lines = dict(zip((key for key, _ in pairs), key_lines))
        if len(mapping) < len(pairs):
            seen = set()
            for (key, _), key_line in zip(pairs, key_lines):
                if key in seen:
                    mapping.duplicate_keys.append((key, key_line))
                seen.add(key)
        return mapping

    return json.JSONDecoder(object_pairs_hook=build).decode(text)


def parse_json(text: str, max_depth: int = MAX_DEPTH):
    """Parse JSON text into LineDicts and lists; JSONInputError with a line for anything wrong."""
    depth, line = _depth(text)
    if depth > max_depth:
        raise JSONInputError(f"nests objects and arrays more than {max_depth} levels deep", line)
    try:
        document = _fast(text)
    except (ValueError, RecursionError, IndexError, StopIteration):
        document = None  # read again below, where each error gets its message and line
    try:
        if document is None:
            document = _LineDecoder(text).decode(text)
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"invalid JSON: {exc.msg}", exc.lineno) from exc
    except ValueError as exc:  # int() refuses a number of more digits than sys.get_int_max_str_digits()
        raise _too_many_digits(text) from exc
    except RecursionError as exc:  # cannot happen within max_depth; kept so no input can crash the tool
        raise JSONInputError("nests too deep") from exc
    if "\\u" in text and _holds_surrogate(document):  # JSON allows "\ud800" alone; it is no character
        escape = next((m for m in _SURROGATE_ESCAPE.finditer(text) if not _paired(text, m)), None)
        line = text.count("\n", 0, escape.start()) + 1 if escape else None
        raise JSONInputError("a text holds half of a UTF-16 pair (an escape such as \\ud800 without its other "
                             "half): no character, so nothing the toolkit writes could hold it", line)
    return document


def _paired(text: str, match) -> bool:
    """A high surrogate escape followed by a low one, or a low one following a high one: one character."""
    high = match.group()[3].lower() in "89ab"
    other = text[match.end():match.end() + 6] if high else text[max(0, match.start() - 6):match.start()]
    return bool(_SURROGATE_ESCAPE.fullmatch(other)) and (other[3].lower() in "cdef") == high


def _holds_surrogate(node) -> bool:
    if isinstance(node, str):
        return bool(_SURROGATE.search(node))
    if isinstance(node, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_holds_surrogate(v) for v in node)
    return False


def _too_many_digits(text: str) -> JSONInputError:
    import sys

    limit = sys.get_int_max_str_digits()
    match = re.search(rf"\d{{{limit + 1},}}", text)
    line = text.count("\n", 0, match.start()) + 1 if match else None
    digits = f"{len(match.group()):,} digits" if match else "too many digits"
    return JSONInputError(f"a number of {digits}: no value the toolkit reads may have more than {limit:,}", line)


def _depth(text: str) -> tuple[int, int | None]:
    """Deepest nesting outside strings, and the line where it is first exceeded."""
    stripped = _STRING.sub('""', text) if '"' in text else text
    depth = deepest = 0
    line = None
    for match in _BRACKET.finditer(stripped):
        char = match.group()
        depth = depth + 1 if char in "[{" else max(0, depth - 1)
        if depth > deepest:
            deepest = depth
            if depth == MAX_DEPTH + 1:
                line = stripped.count("\n", 0, match.start()) + 1
    return deepest, line


def load_json(path: Path, report: Report, display: str, max_bytes: int = MAX_INPUT_BYTES):
    """Read and parse a JSON file; on failure add a located issue and return None."""
    data = read_bounded(path, report, display, max_bytes)
    if data is None:
        return None
    return loads_json(data, report, display)


def loads_json(data: bytes, report: Report, display: str):
    """Parse JSON bytes; on failure add a located issue and return None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add("encoding-error", f"{display} is not valid UTF-8 (byte {exc.start})", file=display,
                   line=data[: exc.start].count(b"\n") + 1, hint="save the file as UTF-8")
        return None
    try:
        return parse_json(text.removeprefix("\ufeff"))
    except JSONInputError as exc:
        report.add("invalid-json", f"{display} is not valid JSON: {exc.message}", file=display, line=exc.line,
                   hint="fix the JSON at that line")
        return None


def walk_duplicates(node, report: Report, display: str) -> None:
    """Report every duplicate key anywhere in a parsed document."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, LineDict):
            for key, line in item.duplicate_keys:
                report.add("duplicate-key", f"key '{key}' appears twice in one object; one value would be lost",
                           file=display, line=line, field=str(key))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
