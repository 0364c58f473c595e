"""Compare two versions of the package: schema changes and row changes keyed by primary key.

Also classifies the change by the Data Package Version recipe: a resource or
field removed, renamed, added, reordered or retyped, or a constraint tightened
is major; resources or rows added is minor; values corrected is patch.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ToolkitError
from ..values import QUALIFIER_WORDS

BUMPS = ("none", "patch", "minor", "major")
TIGHTER = {"minimum": lambda old, new: new > old, "maximum": lambda old, new: new < old,
           "minLength": lambda old, new: new > old, "maxLength": lambda old, new: new < old}


@dataclass
class ResourceDiff:
    name: str
    schema_changes: list[str] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)  # {key, changes: {column: [old, new]}}
    whole: dict = field(default_factory=dict, repr=False)  # key -> (old row, new row) of each changed row
    lists: frozenset = frozenset()  # the list columns (their cells joined with |)

    @property
    def empty(self) -> bool:
        return not (self.schema_changes or self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    old_version: str | None
    new_version: str | None
    resources_added: list[str] = field(default_factory=list)
    resources_removed: list[str] = field(default_factory=list)
    resources: list[ResourceDiff] = field(default_factory=list)
    bump: str = "none"
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "old_version": self.old_version, "new_version": self.new_version, "bump": self.bump,
            "reasons": self.reasons, "resources_added": self.resources_added,
            "resources_removed": self.resources_removed,
            "resources": [
                {"name": r.name, "schema_changes": r.schema_changes, "added": r.added, "removed": r.removed,
                 "changed": r.changed}
                for r in self.resources if not r.empty
            ],
        }


def load_descriptor(path: Path) -> tuple[dict, Path]:
    path = Path(path)
    descriptor = path if path.suffix == ".json" else path / "datapackage.json"
    if not descriptor.is_file():
        raise ToolkitError(f"{path} is not a data package (no datapackage.json)", path=path)
    try:
        return json.loads(descriptor.read_text(encoding="utf-8")), descriptor.parent
    except json.JSONDecodeError as exc:
        raise ToolkitError(f"{descriptor} is not valid JSON: {exc.msg}", path=descriptor, line=exc.lineno) from exc


def diff_packages(old: Path, new: Path) -> PackageDiff:
    """Schema and row differences from package `old` to package `new`."""
    old_meta, old_dir = load_descriptor(old)
    new_meta, new_dir = load_descriptor(new)
    old_res = {r["name"]: r for r in old_meta["resources"]}
    new_res = {r["name"]: r for r in new_meta["resources"]}
    result = PackageDiff(old_meta.get("version"), new_meta.get("version"))
    result.resources_added = sorted(set(new_res) - set(old_res))
    result.resources_removed = sorted(set(old_res) - set(new_res))
    for name in [n for n in new_res if n in old_res]:
        entry = ResourceDiff(name, schema_changes(old_res[name]["schema"], new_res[name]["schema"]))
        _row_changes(entry, old_dir / old_res[name]["path"], new_dir / new_res[name]["path"],
                     new_res[name]["schema"])
        result.resources.append(entry)
    result.bump, result.reasons = classify(result, old_res, new_res)
    return result


def schema_changes(old: dict, new: dict) -> list[str]:
    old_fields = {f["name"]: f for f in old["fields"]}
    new_fields = {f["name"]: f for f in new["fields"]}
    changes = [f"field removed: {n}" for n in old_fields if n not in new_fields]
    changes += [f"field added: {n}" for n in new_fields if n not in old_fields]
    common_old = [n for n in old_fields if n in new_fields]
    common_new = [n for n in new_fields if n in old_fields]
    if common_old != common_new:
        changes.append("fields reordered")
    for name in common_new:
        a, b = old_fields[name], new_fields[name]
        if a["type"] != b["type"]:
            changes.append(f"field retyped: {name} {a['type']} -> {b['type']}")
        changes += _constraint_changes(name, a.get("constraints", {}), b.get("constraints", {}))
    if old.get("primaryKey") != new.get("primaryKey"):
        changes.append(f"primary key changed: {old.get('primaryKey')} -> {new.get('primaryKey')}")
    return changes


def _constraint_changes(name: str, old: dict, new: dict) -> list[str]:
    changes = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        tightened = (
            (a is None and key != "enum")
            or (key == "required" and b)
            or (key == "enum" and b is not None and (a is None or not set(b) >= set(a)))
            or (key in TIGHTER and a is not None and b is not None and TIGHTER[key](a, b))
            or (key in ("pattern", "unique") and b is not None)
        )
        changes.append(f"constraint {'tightened' if tightened else 'relaxed'}: {name}.{key} {a!r} -> {b!r}")
    return changes


def _read_rows(path: Path, schema: dict) -> dict[tuple, dict]:
    key = schema.get("primaryKey") or [f["name"] for f in schema["fields"]]
    key = [key] if isinstance(key, str) else key
    with path.open(encoding="utf-8", newline="") as handle:
        return {tuple(row[k] for k in key): row for row in csv.DictReader(handle)}


def _row_changes(entry: ResourceDiff, old_path: Path, new_path: Path, schema: dict) -> None:
    old_rows, new_rows = _read_rows(old_path, schema), _read_rows(new_path, schema)
    entry.lists = frozenset(f["name"] for f in schema["fields"] if f["type"] == "list")
    for key in sorted(set(new_rows) - set(old_rows)):
        entry.added.append({"key": list(key), "row": new_rows[key]})
    for key in sorted(set(old_rows) - set(new_rows)):
        entry.removed.append({"key": list(key), "row": old_rows[key]})
    for key in sorted(set(old_rows) & set(new_rows)):
        before, after = old_rows[key], new_rows[key]
        # a column added empty is no change to the row (it read as None -> '' for every row before)
        changes = {c: [before.get(c), after.get(c)] for c in after if (before.get(c) or "") != (after.get(c) or "")}
        if changes:
            entry.changed.append({"key": list(key), "changes": changes})
            entry.whole[key] = (before, after)


def classify(diff: PackageDiff, old_res: dict, new_res: dict) -> tuple[str, list[str]]:
    """The Data Package Version bump this diff calls for, with the reasons."""
    reasons: dict[str, list[str]] = {"major": [], "minor": [], "patch": []}
    reasons["major"] += [f"resource removed: {n}" for n in diff.resources_removed]
    reasons["minor"] += [f"resource added: {n}" for n in diff.resources_added]
    for entry in diff.resources:
        for change in entry.schema_changes:
            level = "minor" if change.startswith("constraint relaxed") else "major"
            reasons[level].append(f"{entry.name}: {change}")
        if entry.removed:
            reasons["major"].append(f"{entry.name}: {len(entry.removed)} rows removed")
        if entry.added:
            reasons["minor"].append(f"{entry.name}: {len(entry.added)} rows added")
        if entry.changed:
            reasons["patch"].append(f"{entry.name}: {len(entry.changed)} rows corrected")
    for level in ("major", "minor", "patch"):
        if reasons[level]:
            return level, reasons[level]
    return "none", []


def bump_version(version: str, level: str) -> str:
    major, minor, patch = (int(p) for p in version.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


MAIN = ("releases", "people", "sanctions", "release_destinations", "release_groups", "prisoner_counts")
"""The tables a reader reads; the rest (claims, entities, sources) are the evidence behind them."""
BOOKKEEPING = ("_status", "_claims", "_origins", "_candidates", "_precision", "_qualifier", "_upper", "_as_of",
               "_id", "open_conflicts")
"""Columns that say how a value stands or where it came from, not the value: changes to them are details."""


def summarize(diff: PackageDiff, limit: int = 10) -> list[str]:
    """What changed for a reader, in sentences: new release events, people added or gone, values changed
    (old and new, as the sources give them), sources added, disagreements opened and closed. The row-by-row
    details (`render_text`) come after."""
    by_name = {r.name: r for r in diff.resources}
    lines = []
    releases = by_name.get("releases")
    for row in (releases.added if releases else [])[:limit]:
        lines.append(f"New release event: {_label(row['row'])}" + _facts(row["row"], ("date", "released_count")))
    for row in (releases.removed if releases else [])[:limit]:
        lines.append(f"Release event no longer listed: {_label(row['row'])}")
    people = by_name.get("people")
    if people and people.added:
        lines.append(f"People added ({len(people.added)}): {_names(people.added, limit)}")
    if people and people.removed:
        lines.append(f"People no longer listed ({len(people.removed)}): {_names(people.removed, limit)}")
    changed = [(name, change) for name in MAIN if name in by_name for change in by_name[name].changed]
    for name, change in changed[:limit]:
        lines += _value_changes(name, change, by_name[name])
    if len(changed) > limit:
        lines.append(f"... and values of {len(changed) - limit} more rows changed (details below)")
    sources = by_name.get("sources")
    if sources and sources.added:
        lines.append(f"New sources ({len(sources.added)}): " + "; ".join(
            f"{r['row'].get('outlet') or r['row'].get('title') or r['key'][0]}" for r in sources.added[:limit])
            + (f" and {len(sources.added) - limit} more" if len(sources.added) > limit else ""))
    lines += _conflict_changes(by_name.get("conflicts"), limit)
    return lines


def _label(row: dict) -> str:
    return row.get("name") or row.get("release_id") or "/".join(str(v) for v in row.values())[:80]


def _names(rows: list[dict], limit: int) -> str:
    names = [r["row"].get("name") or r["key"][0] for r in rows[:limit]]
    return ", ".join(names) + (f" and {len(rows) - limit} more" if len(rows) > limit else "")


def _as_given(row: dict, column: str, lists: frozenset = frozenset()) -> str:
    """A cell as a reader says it: with its qualifier ("more than 100"), to its precision, a list as a list,
    and a value left empty while sources disagree as in dispute, with the competing values."""
    value = row.get(column)
    if value in (None, ""):
        if row.get(f"{column}_status") == "conflict":
            competing = (row.get(f"{column}_candidates") or "").replace("|", " or ")
            return f"in dispute ({competing})" if competing else "in dispute"
        return "nothing"
    if column in lists:
        return value.replace("|", ", ")
    qualifier = row.get(f"{column}_qualifier") or "exact"
    if qualifier == "between" and row.get(f"{column}_upper"):
        return f"between {value} and {row[f'{column}_upper']}"
    if row.get(f"{column}_precision") in ("month", "year"):
        value = value[:{"month": 7, "year": 4}[row[f"{column}_precision"]]]
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{value}"


def _facts(row: dict, columns: tuple[str, ...]) -> str:
    shown = [f"{c.replace('_', ' ')} {_as_given(row, c)}" for c in columns if row.get(c)]
    return f" ({', '.join(shown)})" if shown else ""


def _value_changes(name: str, change: dict, entry: ResourceDiff) -> list[str]:
    """One sentence per value that changed in a row of a main table, old and new as the sources give them;
    its qualifier, precision or upper bound changing counts as the value changing."""
    before, after = entry.whole[tuple(change["key"])]
    columns = {c.removesuffix(suffix) for c in change["changes"] for suffix in ("_qualifier", "_precision", "_upper")
               if c.endswith(suffix)} | {c for c in change["changes"] if not c.endswith(BOOKKEEPING)}
    label = after.get("name") or "/".join(change["key"])
    return [f"{name.replace('_', ' ')} {label}: {column.replace('_', ' ')} changed from "
            f"{_as_given(before, column, entry.lists)} to {_as_given(after, column, entry.lists)}"
            for column in sorted(columns) if column in after]


def _conflict_changes(entry: ResourceDiff | None, limit: int) -> list[str]:
    if entry is None:
        return []
    lines = [f"Disagreement opened: {r['row'].get('description') or r['key'][0]}" for r in entry.added
             if r["row"].get("status") == "open"][:limit]
    lines += [f"Disagreement closed: {r['row'].get('description') or r['key'][0]}" for r in entry.removed
              if r["row"].get("status") == "open"][:limit]
    for change in entry.changed:
        status = change["changes"].get("status")
        if status:
            lines.append(f"Disagreement {'/'.join(change['key'])}: {status[0].replace('_', ' ')} -> "
                         f"{status[1].replace('_', ' ')}")
    return lines


def render_text(diff: PackageDiff, limit: int = 50) -> str:
    lines = [f"{diff.old_version} -> {diff.new_version}: {diff.bump} change"]
    lines += [f"  + resource {n}" for n in diff.resources_added]
    lines += [f"  - resource {n}" for n in diff.resources_removed]
    for entry in diff.resources:
        if entry.empty:
            continue
        lines.append(f"{entry.name}: +{len(entry.added)} -{len(entry.removed)} ~{len(entry.changed)}")
        lines += [f"  schema: {c}" for c in entry.schema_changes]
        lines += [f"  + {'/'.join(r['key'])}" for r in entry.added[:limit]]
        lines += [f"  - {'/'.join(r['key'])}" for r in entry.removed[:limit]]
        for change in entry.changed[:limit]:
            parts = "; ".join(f"{c}: {a!r} -> {b!r}" for c, (a, b) in change["changes"].items())
            lines.append(f"  ~ {'/'.join(change['key'])}: {parts}")
    return "\n".join(lines)
