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
    for key in sorted(set(new_rows) - set(old_rows)):
        entry.added.append({"key": list(key), "row": new_rows[key]})
    for key in sorted(set(old_rows) - set(new_rows)):
        entry.removed.append({"key": list(key), "row": old_rows[key]})
    for key in sorted(set(old_rows) & set(new_rows)):
        before, after = old_rows[key], new_rows[key]
        changes = {c: [before.get(c), after.get(c)] for c in after if before.get(c) != after.get(c)}
        if changes:
            entry.changed.append({"key": list(key), "changes": changes})


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
