"""YAML that remembers where each mapping and key came from.

Declarative inputs (manifest, claims, registry, decisions) are YAML; every
problem in them must name its line. The loader returns dicts that carry the
line of the mapping and of each key, and notes duplicate keys instead of
silently keeping the last one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ..report import Report

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping read from YAML, with `line`, `key_lines` and `duplicate_keys`."""

    line: int = 0
    key_lines: dict
    duplicate_keys: list

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(_Base):
    pass


def _construct_mapping(loader, node, deep=False):
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            mapping.duplicate_keys.append((key, key_node.start_mark.line + 1))
        mapping[key] = _plain(loader.construct_object(value_node, deep=True))
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _plain(value):
    # YAML 1.1 turns unquoted 2025-12-13 into a date; the toolkit wants the text.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path, report: Report, display: str) -> str | None:
    """Read a UTF-8 text file, reporting undecodable bytes with their line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.add("file-unreadable", f"cannot read {display}: {exc.strerror}", file=display)
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
        return yaml.load(text, Loader=_LineLoader)
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
    except yaml.YAMLError as exc:
        report.add("yaml-syntax", f"{display} is not valid YAML: {exc}", file=display)
    return None


def report_duplicate_keys(mapping: LineDict, report: Report, display: str) -> None:
    for key, line in getattr(mapping, "duplicate_keys", []):
        report.add(
            "duplicate-key",
            f"key '{key}' appears twice in one mapping; the first value would be lost",
            file=display,
            line=line,
            field=str(key),
        )
