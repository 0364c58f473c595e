"""The descriptor against the Data Package spec, as frictionless (the spec's reference library) reads it.

Importing frictionless costs more than validating a small package: about 0.15 s of one core, and
its first check 0.05 s more. A process that has not loaded it yet hands the check to a child
interpreter, which imports and checks on another core while this one reads the tables (a thread
would not help: an import holds the interpreter lock, so it would wait for ours and we for it). A
process that has frictionless loaded already (a test run, a long-lived caller), or has one core,
checks on a thread. When the child cannot start or does not answer with its list of issues, the
check runs here: it is never skipped.

    python -m toolkit.validate.spec < datapackage.json     # the child: the issues as JSON on stdout
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

from ..report import Issue


def check_spec(meta: dict, executor, separate: bool | None = None):
    """Start checking `meta` (a read descriptor) on `executor`; the future's result is a list of Issues.

    `separate` chooses a child interpreter (True) or this one (False); None lets the process decide."""
    if separate is None:
        separate = "frictionless" not in sys.modules and (os.cpu_count() or 1) > 1 and bool(sys.executable)
    return executor.submit(_in_child if separate else spec_issues, meta)


def spec_issues(meta: dict) -> list[Issue]:
    """What frictionless finds wrong with the descriptor, as Issues."""
    from frictionless import Package

    try:
        result = Package.validate_descriptor(meta)
    except Exception as exc:  # frictionless raises its own exceptions for unreadable metadata
        return [Issue("invalid-descriptor", f"datapackage.json does not follow the spec: {exc}", file="datapackage.json")]
    return [
        Issue(f"spec-{e.type}", f"datapackage.json: {e.message}", file="datapackage.json", rule="Data Package spec")
        for e in result.errors
    ]


def _in_child(meta: dict) -> list[Issue]:
    """spec_issues in a child interpreter (-P: the working directory is not put on its path)."""
    try:
        done = subprocess.run([sys.executable, "-P", "-m", __name__], input=json.dumps(meta).encode(),
                              capture_output=True, check=False)
        if done.returncode == 0:
            return [Issue(**fields) for fields in json.loads(done.stdout)]
    except (OSError, ValueError, TypeError):  # no interpreter to start, or an answer that is not ours
        pass
    return spec_issues(meta)


def main() -> None:
    meta = json.load(sys.stdin)
    json.dump([dataclasses.asdict(issue) for issue in spec_issues(meta)], sys.stdout)


if __name__ == "__main__":
    main()
