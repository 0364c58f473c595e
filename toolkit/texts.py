"""What a text may hold, on the way in and on the way out.

In: a single-line field (an id, a name, a quote, a title) holds no line break and no other control
character; a free-text field (a note, a rationale, a description) may break lines but holds no other
control character; no text starts, once stripped of spaces, with what a spreadsheet runs as a formula
(=, +, -, @); a link is http(s), or a relative path where the field allows one.
Out: text printed where each line means something (a GitHub workflow command, a job summary's table
row) has its line breaks and control characters made visible first, so data never becomes a command.
"""

from __future__ import annotations

import re

LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (C0, DEL, C1) and the Unicode line and paragraph separators."""
TEXT_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""The same, but for the line feed a free text may hold."""
FORMULA_START = "=+-@"
PLAIN_NUMBER = re.compile(r"^[+-]?[0-9.,]+%?$")
LINK = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f\"'<>\\`]+$", re.I)
RELATIVE_PATH = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


def text_problem(text: str, multiline: bool = False) -> tuple[str, str] | None:
    """(issue type, what is wrong) for a text that may not be stored as it is; None when it may."""
    if text.isprintable() and text[:1] not in FORMULA_START and not text[:1].isspace():
        return None  # nearly every text: one C-speed test (isprintable is False for any control character)
    control = (TEXT_CONTROL if multiline else LINE_CONTROL).search(text)
    if control:
        kind = "a line break" if control.group() in "\n\r\x85\u2028\u2029" else "a control character"
        line_only = "" if multiline else " (a single-line field)"
        return "control-character", f"holds {kind} (U+{ord(control.group()):04X}){line_only}"
    stripped = text.strip()
    if stripped[:1] in FORMULA_START and stripped and not PLAIN_NUMBER.match(stripped):
        spaces = " after leading spaces (stripped when stored)" if text[:1].isspace() else ""
        return "formula-injection", f"starts{spaces} with {stripped[0]!r}, which a spreadsheet runs as a formula"
    return None


def is_link(value: str, relative: bool = False) -> bool:
    """An http(s) URL; with `relative`, a relative path (no '..', no scheme) too."""
    if not isinstance(value, str):
        return False
    if LINK.match(value):
        return True
    return relative and bool(RELATIVE_PATH.match(value)) and ".." not in value.split("/")


def safe_link(value, relative: bool = False) -> str | None:
    """`value` when it is a link a reader may follow (see `is_link`), else None: what every writer of a
    descriptor, README or datasette metadata puts out, whatever it was given."""
    return value if is_link(value, relative) else None


def one_line(text: str) -> str:
    """`text` with every line break and control character written as an escape (\\n, \\x1b, \\u2028), so
    it stays one line wherever it is printed."""
    if text.isprintable():
        return text
    return LINE_CONTROL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def markdown_cell(text: str) -> str:
    """`text` as one cell of a Markdown table: one line, no bar that would split it, no HTML."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
