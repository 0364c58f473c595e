"""The descriptor against the Data Package spec, as frictionless (the spec's reference library) reads it.

Importing frictionless costs more than validating a small package: about 0.15 s of one core, and
its first check 0.05 s more. A process that has not loaded it yet hands its checks to one child
interpreter, which imports frictionless on another core while this one reads the seeds and the
tables (a thread of this process would not help: an import holds the interpreter lock, so it would
wait for ours and we for it), then answers each check as it comes. A process that has frictionless
loaded already (a test run, a long-lived caller), or has one core, checks on a thread. When the child
cannot start or does not answer with its list of issues, the check runs here: it is never skipped.

    python -c "$CHILD"                   # the child (CHILD): one JSON request a line ({"check", "payload"}),
                                         # one JSON list of issues a line back

`validate` (before it imports the pipeline), `build`, `release` and `download` start the child first
(`warm`). A `validate` of a project has it check the table schemas (`check_schemas`) while the seeds
are read, then the descriptor of the package they build (`check_spec`): frictionless is never
imported by the validating process itself.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
import threading

from ..report import Issue


PROPERTY = re.compile(r"at property '([^']+)'")  # where frictionless's note names the property at fault
NAMED_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}
"""Profiles frictionless knows by name. Any other is a URL it would fetch or a path it would read
from the working directory, not the package: neither is done, whoever wrote the descriptor."""


def check_spec(meta: dict, executor, separate: bool | None = None):
    """Start checking `meta` (a read descriptor) on `executor`; the future's result is a list of Issues,
    each located at its resource, property and line.

    `separate` chooses a child interpreter (True) or this one (False); None lets the process decide."""
    child = _in_child("descriptor") if _separate(separate) else spec_issues
    return executor.submit(_located, meta, child)


def check_schemas(schemas: dict[str, dict], executor, separate: bool | None = None):
    """Start checking each table schema (its file, as the report names it -> its descriptor) against the
    Table Schema spec; the future's result is a list of Issues naming the file."""
    if not schemas:
        return executor.submit(list)
    return executor.submit(_in_child("schemas") if _separate(separate) else schema_issues, schemas)


def warm() -> None:
    """Start the child now, if this process would use one, so that it imports while we work."""
    if _separate(None):
        _Child.get()


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


CHECKS = {"descriptor": spec_issues, "schemas": schema_issues}
"""The checks the child answers, by name."""


class _Child:
    """One child interpreter for this process's checks, started once and kept until this process ends
    (its stdin closes, and it exits). Requests go one at a time."""

    _started: "_Child | None" = None
    _lock = threading.Lock()

    def __init__(self):
        # -P: the working directory is not put on its path
        self.process = subprocess.Popen([sys.executable, "-P", "-c", CHILD], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.asked = False

    @classmethod
    def get(cls) -> "_Child":
        with cls._lock:
            if cls._started is None:
                import atexit

                cls._started = cls()
                atexit.register(cls._started.close)
            return cls._started

    def close(self) -> None:
        """Tell the child there is no more to check, and wait for it (no orphan is left behind); one never asked
        anything is stopped at once, not left to finish its imports first."""
        try:
            if not self.asked:
                self.process.kill()
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()

    def ask(self, check: str, payload: dict) -> list[Issue]:
        with self._lock:
            self.asked = True
            self.process.stdin.write(json.dumps({"check": check, "payload": payload}).encode() + b"\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        return [Issue(**fields) for fields in json.loads(answer)]


def _in_child(check: str):
    """The named check run by the child; here when the child cannot start or does not answer with a list
    of issues."""
    def run(payload: dict) -> list[Issue]:
        try:
            return _Child.get().ask(check, payload)
        except (OSError, ValueError, TypeError):  # no interpreter to start, or an answer that is not ours
            return CHECKS[check](payload)

    return run


CHILD = ("import frictionless\n"
         f"from {__name__} import main\n"
         "main()\n")
"""The child: frictionless first, then this module, one after the other, then the requests (`main`). (Importing
frictionless on a thread beside the main thread's import of this module saved nothing, an import holding the
interpreter lock, and two threads importing modules that import each other's can be handed a module half
initialised: the child then died without an answer, and the check ran in the parent after all.)"""


def main() -> None:
    """Answer each request, until the input ends (a parent that asked nothing stops the child at once instead)."""
    import os

    for line in sys.stdin:
        request = json.loads(line)
        issues = CHECKS[request["check"]](request["payload"])
        sys.stdout.write(json.dumps([dataclasses.asdict(issue) for issue in issues]) + "\n")
        sys.stdout.flush()
    os._exit(0)  # no interpreter teardown: the parent waits for this exit

