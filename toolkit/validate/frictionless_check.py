"""frictionless: the package against the Data Package spec, its table schemas and keys."""

from __future__ import annotations

from pathlib import Path

from ..report import Issue


def check_package(descriptor: Path) -> list[Issue]:
    """Validate a datapackage.json with frictionless; every error becomes an Issue."""
    from frictionless import FrictionlessException, Package, system

    try:
        with system.use_context(trusted=False):
            result = Package(str(Path(descriptor).resolve())).validate()
    except FrictionlessException as exc:
        return [Issue(type=f"frictionless-{exc.error.type}", message=exc.error.message, file=descriptor.name)]
    issues = [Issue(type=f"frictionless-{e.type}", message=e.message, file=descriptor.name) for e in result.errors]
    for task in result.tasks:
        issues.extend(_issue(task, error, descriptor.resolve().parent) for error in task.errors)
    return issues


def _issue(task, error, base: Path) -> Issue:
    row_number = getattr(error, "row_number", None)
    return Issue(
        type=f"frictionless-{error.type}",
        message=error.message,
        file=_relative(task.place, base),
        resource=task.name,
        line=row_number,  # frictionless counts the header as row 1, like a CSV line
        row=row_number - 1 if row_number else None,
        field=getattr(error, "field_name", None),
        value=None if getattr(error, "cell", None) is None else str(error.cell),
        rule=getattr(error, "note", None),
    )


def _relative(place: str, base: Path) -> str:
    path = Path(place)
    return path.relative_to(base).as_posix() if path.is_absolute() and path.is_relative_to(base) else place
