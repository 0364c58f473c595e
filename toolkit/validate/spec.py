"""The descriptor against the Data Package spec, as frictionless (the spec's reference library) reads it.

Importing frictionless costs more than validating a small package: about 0.15 s of one core, and
its first check 0.05 s more. A process that has not loaded it yet hands the check to a child
interpreter, which imports and checks on another core while this one reads the tables (a thread
would not help: an import holds the interpreter lock, so it would wait for ours and we for it). A
process that has frictionless loaded already (a test run, a long-lived caller), or has one core,
checks on a thread. When the child cannot start or does not answer with its list of issues, the
check runs here: it is never skipped.

    python -m toolkit.validate.spec < datapackage.json     # the child: the issues as JSON on stdout
    python -m toolkit.validate.spec --schemas < schemas.json   # {file: table schema}: the same for each

A project's table schemas are checked the same way (`check_schemas`), started before the seeds are
read, so frictionless is never imported by a `validate` of a project or a package.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys

from ..report import Issue


PROPERTY = re.compile(r"at property '([^']+)'")  # where frictionless's note names the property at fault
NAMED_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}
"""Profiles frictionless knows by name. Any other is a URL it would fetch or a path it would read
from the working directory, not the package: neither is done, whoever wrote the descriptor."""


def check_spec(meta: dict, executor, separate: bool | None = None):
    """Start checking `meta` (a read descriptor) on `executor`; the future's result is a list of Issues,
    each located at its resource, property and line.

    `separate` chooses a child interpreter (True) or this one (False); None lets the process decide."""
    child = _in_child(spec_issues) if _separate(separate) else spec_issues
    return executor.submit(_located, meta, child)


def check_schemas(schemas: dict[str, dict], executor, separate: bool | None = None):
    """Start checking each table schema (its file, as the report names it -> its descriptor) against the
    Table Schema spec; the future's result is a list of Issues naming the file."""
    if not schemas:
        return executor.submit(list)
    return executor.submit(_in_child(schema_issues) if _separate(separate) else schema_issues, schemas)


def _separate(separate: bool | None) -> bool:
    if separate is not None:
        return separate
    from ..workers import usable_cores

    return "frictionless" not in sys.modules and usable_cores() > 1 and bool(sys.executable)


def schema_issues(schemas: dict[str, dict]) -> list[Issue]:
    """What frictionless finds wrong with each table schema."""
    from frictionless import Schema

    return [Issue("invalid-schema", f"{display}: {error.message}", file=display, rule="Table Schema spec")
            for display, schema in schemas.items() for error in Schema.validate_descriptor(schema).errors]


def spec_issues(meta: dict) -> list[Issue]:
    """What frictionless finds wrong with the descriptor, as Issues naming the resource and property.

    The package is checked whole, and each resource again in a package of its own with the same
    `$schema` (the version its rules follow): the whole check names no resource, and stops at the
    first problems it meets, so a later resource's (a dialect's, say) would wait for the next run."""
    from frictionless import Package

    meta, issues = _without_outside_profiles(meta)
    try:
        whole = Package.validate_descriptor(meta).errors
        context = {"$schema": meta["$schema"]} if "$schema" in meta else {}
        alone = [(resource.get("name"), error) for resource in meta.get("resources") or []
                 for error in Package.validate_descriptor({**context, "resources": [resource]}).errors
                 if error.type != "package-error"]  # a package error of the shell is the whole one's too
    except Exception as exc:  # frictionless raises its own exceptions for unreadable metadata
        return issues + [Issue("invalid-descriptor", f"datapackage.json does not follow the spec: {exc}",
                               file="datapackage.json")]
    placed = {(error.type, error.note) for _, error in alone}
    found = [(None, e) for e in whole if (e.type, e.note) not in placed] + alone
    return issues + [Issue(f"spec-{error.type}", f"datapackage.json: {error.message}", file="datapackage.json",
                           resource=name, field=_property(error.note), rule="Data Package spec")
                     for name, error in found]


def _without_outside_profiles(meta: dict) -> tuple[dict, list[Issue]]:
    """The descriptor without the profiles that are not named ones, and an issue for each left out."""
    issues = []

    def kept(entry: dict, name: str | None) -> dict:
        profile = entry.get("profile")
        if profile is None or isinstance(profile, str) and profile in NAMED_PROFILES:
            return entry
        where = dict(file="datapackage.json", resource=name, field="profile", rule="Data Package spec")
        if isinstance(profile, str):
            issues.append(Issue("profile-not-checked", f"profile {profile[:200]!r} was neither fetched nor read: "
                                "the descriptor is checked against the Data Package spec only", severity="warning",
                                hint="name a standard profile (such as 'tabular-data-package'), or check the "
                                     "package against its own profile yourself", **where))
        else:
            issues.append(Issue("invalid-descriptor", "datapackage.json: 'profile' must be text, a profile's name "
                                "or URL", **where))
        return {key: value for key, value in entry.items() if key != "profile"}

    resources = [kept(r, r.get("name")) if isinstance(r, dict) else r for r in meta.get("resources") or []]
    return {**kept(meta, None), "resources": resources}, issues


def _property(note: str | None) -> str | None:
    named = PROPERTY.search(note or "")
    return named.group(1) if named else None


def _located(meta: dict, check) -> list[Issue]:
    """`check`'s issues with the line of their property (the descriptor as read keeps its lines; the
    child's copy does not)."""
    resources = {r.get("name"): r for r in meta.get("resources") or []}
    return [dataclasses.replace(issue, line=_line(resources.get(issue.resource, meta), issue.field))
            for issue in check(meta)]


def _line(holder: dict, key: str | None) -> int | None:
    """The line of the first `key` within `holder` (itself, or a mapping inside it or inside its lists,
    nearest first), else holder's own."""
    pending = [holder]
    while key and pending:
        node = pending.pop(0)
        if key in node and hasattr(node, "line_of"):
            return node.line_of(key)
        for value in node.values():
            pending += [value] if isinstance(value, dict) else \
                [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
    return getattr(holder, "line", None)


CHECKS = {"--schemas": schema_issues}
"""The child's checks other than the descriptor's, by the flag that asks for each."""


def _in_child(check):
    """`check` (spec_issues, or one of CHECKS) run in a child interpreter (-P: the working directory is
    not put on its path); here when the child cannot start or does not answer with a list of issues."""
    flags = [flag for flag, known in CHECKS.items() if known is check]

    def run(payload: dict) -> list[Issue]:
        try:
            done = subprocess.run([sys.executable, "-P", "-m", __name__, *flags], input=json.dumps(payload).encode(),
                                  capture_output=True, check=False)
            if done.returncode == 0:
                return [Issue(**fields) for fields in json.loads(done.stdout)]
        except (OSError, ValueError, TypeError):  # no interpreter to start, or an answer that is not ours
            pass
        return check(payload)

    return run


def main() -> None:
    check = CHECKS[sys.argv[1]] if sys.argv[1:] else spec_issues
    json.dump([dataclasses.asdict(issue) for issue in check(json.load(sys.stdin))], sys.stdout)


if __name__ == "__main__":
    main()
